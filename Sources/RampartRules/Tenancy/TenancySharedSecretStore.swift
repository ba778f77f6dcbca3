import RampartModel
import RampartTenancy

/// `tenancy.shared-secret-store`: ClusterSecretStore serves several tenants.
public struct TenancySharedSecretStore: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.shared-secret-store",
        title: "ClusterSecretStore serves several tenants",
        severity: .critical, layer: .secrets,
        standards: ["NSA/CISA: multi-tenancy", "External Secrets Operator: multi-tenancy"],
        rationale: """
            External Secrets Operator reads a ClusterSecretStore's backend with the store's one credential for every ExternalSecret that names it. A store that serves several tenants lets any of them write an ExternalSecret for another tenant's key path and read that tenant's secrets into its own namespace.
            """,
        remediation: """
            Limit the store to one tenant with `spec.conditions` (`namespaceSelector` on the tenant label, or `namespaces`), or give each tenant a namespaced SecretStore whose credential reaches only its own secrets (referent authentication, a Vault role or IAM policy per tenant).
            """)

    public init() {}

    var kind: TenancyGap.Kind { .sharedSecretStore }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .sharedSecretStore(let site, let store, let others) = gap else { return nil }
        return Violation(site, "ClusterSecretStore \(store) serves tenant \(site.tenant) and tenants \(others.joined(separator: ", ")): each can read the others' secrets")
    }
}
