import RampartModel
import RampartTenancy

/// `tenancy.no-flow-schema`: a tenant's API requests are not bounded by API Priority and Fairness.
public struct TenancyNoFlowSchema: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.no-flow-schema",
        title: "Tenant's API requests are not bounded by API Priority and Fairness",
        severity: .low, layer: .controlPlane,
        standards: ["NSA/CISA: resource policies"],
        rationale: """
            The API server is shared by every tenant, trusted or not: a runaway controller floods it as surely as a \
            hostile one. Without a FlowSchema of its own that comes before the built-in `service-accounts` schema \
            (matchingPrecedence below 9000), a tenant's service accounts share the built-in `workload-low` level with \
            every other tenant; a FlowSchema that puts them in `exempt` (or any level of type Exempt) or in a level of \
            the platform's own components (`system`, `node-high`, `leader-election`, `workload-high`) lets them crowd \
            out nodes and controllers.
            """,
        remediation: """
            Add a FlowSchema (matchingPrecedence 1000) matching the tenant's service accounts (group \
            system:serviceaccounts:NAMESPACE) with priorityLevelConfiguration workload-low or a Limited level of the \
            tenant's own; `rampart tenant new` writes one.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .noFlowSchema }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .noFlowSchema(let site, let schema, let level, let why) = gap else { return nil }
        guard let schema, let level, let why else {
            return Violation(site, "no API Priority and Fairness FlowSchema in effect matches the service accounts of tenant \(site.tenant)")
        }
        return Violation(site, "FlowSchema \(schema) puts the service accounts of tenant \(site.tenant) in priority level \(level), \(why)")
    }
}
