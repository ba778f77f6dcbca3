import RampartModel
import RampartTenancy

/// `tenancy.no-flow-schema`: Untrusted tenant's API requests are not limited by API Priority and Fairness.
public struct TenancyNoFlowSchema: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.no-flow-schema",
        title: "Untrusted tenant's API requests are not limited by API Priority and Fairness",
        severity: .low, layer: .controlPlane,
        standards: ["NSA/CISA: resource policies"],
        rationale: """
            The API server is shared by every tenant. Without a FlowSchema that puts an untrusted tenant's service accounts in a low priority level, a busy or hostile tenant can saturate it for everyone.
            """,
        remediation: """
            Add a FlowSchema matching the tenant's service accounts (group system:serviceaccounts:NAMESPACE) with priorityLevelConfiguration workload-low.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .noFlowSchema }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .noFlowSchema(let site) = gap else { return nil }
        return Violation(site, "no API Priority and Fairness FlowSchema matches the service accounts of untrusted tenant \(site.tenant)")
    }
}
