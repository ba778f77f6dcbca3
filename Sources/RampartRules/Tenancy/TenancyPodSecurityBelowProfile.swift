import RampartModel
import RampartPSS
import RampartTenancy

/// `tenancy.pod-security-below-profile`: Namespace enforces a Pod Security level below the tenant's profile.
public struct TenancyPodSecurityBelowProfile: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.pod-security-below-profile",
        title: "Namespace enforces a Pod Security level below the tenant's profile",
        severity: .high, layer: .pod,
        standards: ["PSS", "CIS 5.2.1", "NSA/CISA: pod security"],
        rationale: """
            Pod Security admission is what stops a tenant from running privileged or host-level pods. Untrusted tenants and tenants that need hard isolation need restricted; every tenant needs baseline at least.
            """,
        remediation: """
            Label the namespace pod-security.kubernetes.io/enforce=restricted (baseline for trusted tenants at least, with restricted in warn and audit).
            """)

    public init() {}

    var kind: TenancyGap.Kind { .podSecurityBelowProfile }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .podSecurityBelowProfile(let site, let namespace, let enforced, let required, let needed) = gap else { return nil }
        return Violation(site, "namespace \(namespace) of tenant \(site.tenant) enforces Pod Security \(enforced.rawValue); \(required.rawValue) isolation needs \(needed.rawValue)")
    }
}
