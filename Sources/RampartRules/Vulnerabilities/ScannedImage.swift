/// One vulnerability a scanner found in an image's package.
public struct Vulnerability: Sendable, Hashable {
    /// `CVE-2024-3094`, `GHSA-…`.
    public var id: String
    public var severity: Severity
    public var package: String
    public var installed: String
    /// The version that fixes it; nil when no fix is available.
    public var fixed: String?

    public init(id: String, severity: Severity, package: String, installed: String, fixed: String?) {
        self.id = id
        self.severity = severity
        self.package = package
        self.installed = installed
        self.fixed = fixed
    }

    /// The scanners' severity names (`CRITICAL`, `High`, `Negligible`, `UNKNOWN`…) as Rampart's.
    static func severity(_ name: String) -> Severity {
        switch name.lowercased() {
        case "critical": .critical
        case "high": .high
        case "medium": .medium
        case "low": .low
        default: .info
        }
    }
}

/// An image a scanner report covers: the names and digests it was scanned as, the workload it was
/// found in (`trivy k8s`, Trivy Operator), and its vulnerabilities.
public struct ScannedImage: Sendable {
    /// References the image was scanned as (`nginx:1.27`, `registry.example.com/app@sha256:…`).
    public var references: [String]
    /// Manifest digests (`sha256:…`).
    public var digests: [String]
    /// `namespace/Kind/name` of the workload the scan was made for, when the report says.
    public var workload: String?
    public var vulnerabilities: [Vulnerability]
    /// The report it comes from (a file name, or `VulnerabilityReport team-a/…`).
    public var source: String

    public init(references: [String], digests: [String], workload: String? = nil, vulnerabilities: [Vulnerability], source: String) {
        self.references = references
        self.digests = digests
        self.workload = workload
        self.vulnerabilities = vulnerabilities
        self.source = source
    }

    /// True when this scan is of `image`: by digest when both know theirs (a tag moves, a digest
    /// does not), else by the same normalised repository and tag.
    func isScan(of image: ImageReference) -> Bool {
        let known = digests + references.compactMap { ImageReference($0).digest }
        if let digest = image.digest, !known.isEmpty { return known.contains(digest) }
        return references.map(ImageReference.init).contains { scanned in
            let tag = scanned.tag ?? (scanned.digest == nil ? "latest" : nil)
            return tag != nil && scanned.qualifiedName == image.qualifiedName && tag == (image.tag ?? "latest")
        }
    }
}
