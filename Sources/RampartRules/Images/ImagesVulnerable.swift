import RampartModel

/// `images.vulnerable`: Container image has vulnerabilities with a fix available.
public struct ImagesVulnerable: PodRule {
    public let metadata = RuleMetadata(
        id: "images.vulnerable",
        title: "Container image has vulnerabilities with a fix available",
        severity: .high, layer: .container,
        standards: ["NSA/CISA: vulnerability scanning"],
        rationale: """
            A scanner (Trivy, Grype, Trivy Operator) found critical or high vulnerabilities in the image that a newer package version fixes. Rampart does not scan: it matches the reports given with `--vulnerabilities` (and Trivy Operator's VulnerabilityReports in the cluster) to the workloads that run the image, by digest or by reference.
            """,
        remediation: """
            Rebuild the image on the fixed package versions (or a patched base image) and roll it out pinned by digest; tune what counts with `vulnerabilities: {minimumSeverity, includeUnfixed}` in the configuration.
            """)

    public var reads: Set<ResourceKind> { ResourceKind.podBearing.union([.vulnerabilityReports]) }

    public init() {}

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        findings(pod, in: context).map(\.violation)
    }

    /// The violations of `pod`, each with whether a critical vulnerability with a fix is among them
    /// (the tenancy verdict's container layer weighs those more).
    func findings(_ pod: PodTemplate, in context: AuditContext) -> [(violation: Violation, critical: Bool)] {
        let scans = context.vulnerabilityScans
        guard !scans.images.isEmpty else { return [] }
        return pod.containers.compactMap { container in
            guard let text = container.node["image"]?.string else { return nil }
            let found = scans.reportable(ImageReference(text), context.settings.vulnerabilityThresholds)
            guard !found.isEmpty else { return nil }
            let counts = Severity.allCases.compactMap { severity in
                let count = found.count { $0.severity == severity }
                return count == 0 ? nil : "\(count) \(severity.rawValue)"
            }
            let notes = found.prefix(10).map { "\($0.id) (\($0.severity.rawValue)): \($0.package) \($0.installed)" + ($0.fixed.map { " → \($0)" } ?? ", no fix yet") }
                + (found.count > 10 ? ["… and \(found.count - 10) more"] : [])
            let violation = Violation(object: pod.object, path: container.path.appending("image"),
                                      message: "container \(container.name) runs \(text) with \(counts.joined(separator: ", ")) vulnerabilities\(context.settings.vulnerabilityThresholds.includeUnfixed ? "" : " that have a fix")",
                                      notes: notes)
            return (violation, found.contains { $0.severity == .critical && $0.fixed != nil })
        }
    }
}
