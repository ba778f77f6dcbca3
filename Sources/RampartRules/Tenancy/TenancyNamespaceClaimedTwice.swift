import RampartModel
import RampartTenancy

/// `tenancy.namespace-claimed-twice`: Namespace claimed by two tenants, or by a tenant and the platform.
public struct TenancyNamespaceClaimedTwice: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.namespace-claimed-twice",
        title: "Namespace claimed by two tenants, or by a tenant and the platform",
        severity: .medium, layer: .tenancy,
        standards: ["NSA/CISA: multi-tenancy"],
        rationale: """
            A namespace belongs to one tenant. When two tenants (or a tenant and the platform) claim it, the tenancy model is ambiguous and the verdict judges it as the first claimant's.
            """,
        remediation: """
            Fix the tenancy file (names, globs and selectors of the tenants) or the namespace labels so each namespace belongs to one tenant.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .namespaceClaimedTwice }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .namespaceClaimedTwice(let site, let namespace, let first) = gap else { return nil }
        let (claimant, owner) = switch first {
        case .platform: ("the platform", "the platform")
        case .tenant(let name): ("tenant " + name, name)
        }
        return Violation(site, "namespace \(namespace) is claimed by tenant \(site.tenant) and by \(claimant); it is judged as \(owner)'s")
    }
}
