import RampartModel
import RampartTenancy

/// `tenancy.outside-access`: Subject outside the tenant can read or change its namespaces.
public struct TenancyOutsideAccess: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.outside-access",
        title: "Subject outside the tenant can read or change its namespaces",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 5.1.1", "NSA/CISA: RBAC least privilege"],
        rationale: """
            A subject that belongs neither to the tenant nor to the platform (another team's users, everyone in system:authenticated, a namespace nobody owns) can read the tenant's Secrets or change what runs in its namespaces: the namespace boundary does not hold on the control plane.
            """,
        remediation: """
            Remove the binding, or scope it to the namespaces of the subject's own tenant; grant platform access to named platform groups only.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .outsideAccess }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .outsideAccess(let site, let subject, let who, let permissions, let namespace, let grants) = gap else { return nil }
        let target = namespace.map { "in its namespace \($0)" } ?? "cluster-wide, its namespaces included"
        return Violation(site, "\(subject)\(who.map { " (\($0))" } ?? ""), outside tenant \(site.tenant), can \(permissions) \(target)",
                         notes: grants)
    }
}
