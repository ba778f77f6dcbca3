import RampartModel

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
}
