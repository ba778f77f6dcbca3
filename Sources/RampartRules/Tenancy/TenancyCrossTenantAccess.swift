import RampartModel
import RampartTenancy

/// `tenancy.cross-tenant-access`: Tenant's service account has power outside the tenant.
public struct TenancyCrossTenantAccess: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.cross-tenant-access",
        title: "Tenant's service account has power outside the tenant",
        severity: .critical, layer: .controlPlane,
        standards: ["CIS 5.1.1", "NSA/CISA: RBAC least privilege"],
        rationale: """
            A tenant's service accounts run the tenant's code. A binding that gives them permissions in another tenant's namespaces, or cluster-wide, lets whoever controls that code read or change other tenants' workloads and data, or enumerate every tenant.
            """,
        remediation: """
            Bind tenant service accounts with RoleBindings in the tenant's own namespaces only; remove ClusterRoleBindings and RoleBindings elsewhere that name them.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .crossTenantAccess }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .crossTenantAccess(let site, let subject, let permissions, let target, let grants) = gap else { return nil }
        return Violation(site, "\(subject) of tenant \(site.tenant) can \(permissions) \(target)", notes: grants)
    }
}
