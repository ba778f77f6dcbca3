import RampartModel

extension ResourceKind {
    /// Trivy Operator's scan of one workload's container image, kept in the cluster.
    public static let vulnerabilityReports = ResourceKind(group: "aquasecurity.github.io", kind: "VulnerabilityReport",
                                                          resource: "vulnerabilityreports")
}

/// The images that Trivy Operator's VulnerabilityReports in the inventory describe
/// (`report.registry.server`, `report.artifact.repository`, `tag`, `digest`,
/// `report.vulnerabilities[]`).
enum TrivyOperatorReports {
    static func images(in inventory: Inventory) -> [ScannedImage] {
        let kind = ResourceKind.vulnerabilityReports
        return inventory.objects(ofKind: kind.kind, group: kind.group).compactMap { object in
            guard let report = object.root["report"], let repository = report["artifact"]?["repository"]?.string else { return nil }
            let server = report["registry"]?["server"]?.string.map { $0 + "/" } ?? ""
            let tag = report["artifact"]?["tag"]?.string.map { ":" + $0 } ?? ""
            let digest = report["artifact"]?["digest"]?.string
            let vulnerabilities = (report["vulnerabilities"]?.items ?? []).compactMap { entry -> Vulnerability? in
                guard let id = entry["vulnerabilityID"]?.string else { return nil }
                let fixed = entry["fixedVersion"]?.string.flatMap { $0.isEmpty ? nil : $0 }
                return Vulnerability(id: id, severity: Vulnerability.severity(entry["severity"]?.string ?? ""),
                                     package: entry["resource"]?.string ?? "", installed: entry["installedVersion"]?.string ?? "", fixed: fixed)
            }
            return ScannedImage(references: [server + repository + tag], digests: digest.map { [$0] } ?? [],
                                vulnerabilities: vulnerabilities, source: "VulnerabilityReport \(object.namespace ?? "")/\(object.name)")
        }
    }
}
