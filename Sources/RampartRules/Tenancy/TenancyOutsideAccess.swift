import RampartModel

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
}
