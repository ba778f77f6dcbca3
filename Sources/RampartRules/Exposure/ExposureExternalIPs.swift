import RampartModel

/// `exposure.external-ips`: a Service that claims external IPs (CVE-2020-8554).
public struct ExposureExternalIPs: ObjectRule {
    public let metadata = RuleMetadata(
        id: "exposure.external-ips",
        title: "Service claims external IP addresses",
        severity: .high, layer: .network,
        standards: ["CVE-2020-8554", "NSA/CISA: network separation"],
        rationale: """
            Any tenant who can create a Service with `externalIPs` can intercept traffic the cluster sends \
            to those addresses (CVE-2020-8554), including traffic of other tenants.
            """,
        remediation: "Remove `spec.externalIPs`; block the field cluster-wide with the DenyServiceExternalIPs admission plugin or a policy.")

    public let kinds = ["Service"]

    public init() {}

    public func evaluate(_ object: KubeObject, in context: AuditContext) -> [Violation] {
        guard object.reference.group.isEmpty,
              let addresses = object.root["spec"]?["externalIPs"]?.items.compactMap(\.string), !addresses.isEmpty else { return [] }
        return [Violation(object: object, path: "spec.externalIPs",
                          message: "Service claims external IPs \(addresses.joined(separator: ", "))")]
    }
}
