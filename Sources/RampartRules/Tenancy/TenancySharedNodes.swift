import RampartModel
import RampartTenancy

/// `tenancy.shared-nodes`: Workload of a tenant that needs dedicated nodes may share nodes.
public struct TenancySharedNodes: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.shared-nodes",
        title: "Workload of a tenant that needs dedicated nodes may share nodes",
        severity: .high, layer: .node,
        standards: ["NSA/CISA: multi-tenancy"],
        rationale: """
            A container escape or a noisy neighbour affects every pod on the node. Tenants that need soft-affinity or hard isolation must run on a node pool of their own, which a taint keeps other tenants off.
            """,
        remediation: """
            Taint the tenant's node pool, and give the tenant's workloads a nodeSelector (or required node affinity) for the pool and a toleration of its taint; or set the namespace's scheduler.alpha.kubernetes.io/node-selector annotation.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .sharedNodes }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .sharedNodes(let site, let workload, let required, let problem) = gap else { return nil }
        return Violation(site, "\(workload) of tenant \(site.tenant) (\(required.rawValue) isolation) \(problem)")
    }
}
