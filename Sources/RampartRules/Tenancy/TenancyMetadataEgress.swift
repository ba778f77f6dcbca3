import RampartModel
import RampartTenancy

/// `tenancy.metadata-egress`: Untrusted tenant can reach the cloud metadata address.
public struct TenancyMetadataEgress: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.metadata-egress",
        title: "Untrusted tenant can reach the cloud metadata address",
        severity: .high, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            169.254.169.254 hands out the node's cloud credentials. Untrusted code that reaches it can act as the node in the cloud account, far outside its tenant.
            """,
        remediation: """
            Add an egress default-deny to the tenant's namespaces and allow only what it needs; where it needs the internet, use an ipBlock with 169.254.169.254/32 in except.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .metadataEgress }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .metadataEgress(let site, let workload, let address) = gap else { return nil }
        return Violation(site, "\(workload) of untrusted tenant \(site.tenant) can reach \(address), the cloud metadata service")
    }
}
