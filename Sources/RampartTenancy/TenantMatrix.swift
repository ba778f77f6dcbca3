import RampartNetwork
import RampartRBAC

/// The tenant-by-tenant matrix of a tenancy report: what it is worked out from, kept so that the cells
/// are worked out only when read (an audit never reads them). Only the tenants a tenant reaches
/// somehow get a cell: each tenant's candidates come from its grants, flows and nodes, not from every
/// other tenant.
struct TenantMatrix: Sendable {
    /// A permission of a tenant's service account outside the tenant, worded once.
    struct Grant: Sendable {
        /// Where it holds: a namespace, or nil cluster-wide.
        let namespace: String?
        let text: String
    }

    let tenants: [Tenant]
    /// The outbound grants of each tenant, by tenant name.
    let grants: [String: [Grant]]
    /// The nodes each tenant's pods may run on, by tenant name.
    let nodesByTenant: [String: Set<String>]
    let ownerOfNamespace: [String: String]
    let reachability: NamespaceReachability

    init(tenants: [Tenant], boundaries: [String: ControlPlaneBoundary], context: TenancyContext) {
        self.tenants = tenants
        grants = boundaries.mapValues { boundary in
            boundary.outbound.map { crossing in
                Grant(namespace: crossing.namespace,
                      text: "\(crossing.subject.description) can \(crossing.summary) \(crossing.namespace.map { "in " + $0 } ?? "cluster-wide")")
            }
        }
        let placementsByTenant = Dictionary(grouping: context.placements.items) { context.ownerOfNamespace[$0.pod.namespace] ?? "" }
        nodesByTenant = placementsByTenant.mapValues { Set($0.flatMap { $0.nodes ?? [] }) }
        ownerOfNamespace = context.ownerOfNamespace
        reachability = context.reachability
    }

    /// Every ordered pair of distinct tenants where the first can reach or act on the second, row by
    /// row on every core.
    func cells() -> [Interaction] {
        var positionsOfTenant: [String: [Int]] = [:]
        for (position, tenant) in tenants.enumerated() { positionsOfTenant[tenant.name, default: []].append(position) }
        var tenantsOnNode: [String: Set<Int>] = [:]
        for (name, nodes) in nodesByTenant {
            for node in nodes { tenantsOnNode[node, default: []].formUnion(positionsOfTenant[name] ?? []) }
        }
        let rows = tenants.concurrentMap(chunk: Self.rowChunk, scratch: { () }) { [positionsOfTenant, tenantsOnNode] from, _ in
            row(from, positionsOfTenant: positionsOfTenant, tenantsOnNode: tenantsOnNode)
        }
        return rows.flatMap { $0 }
    }

    /// Rows per unit of parallel work.
    static let rowChunk = 16

    /// The cells of the tenants `from` reaches or acts on, in the tenants' order.
    private func row(_ from: Tenant, positionsOfTenant: [String: [Int]], tenantsOnNode: [String: Set<Int>]) -> [Interaction] {
        var cells: [Interaction] = []
        func positions(owning namespace: String) -> [Int] {
            ownerOfNamespace[namespace].flatMap { positionsOfTenant[$0] } ?? []
        }
        let members = Set(from.namespaces)
        let outbound = grants[from.name] ?? []
        let flowsByTarget = Dictionary(grouping: from.namespaces.flatMap(reachability.flows(from:))
            .filter { !members.contains($0.to) }) { $0.to }
        let fromNodes = nodesByTenant[from.name] ?? []
        var candidates: Set<Int> = []
        if outbound.contains(where: { $0.namespace == nil }) {
            candidates = Set(tenants.indices)
        } else {
            for grant in outbound { candidates.formUnion(grant.namespace.map(positions(owning:)) ?? []) }
        }
        for target in flowsByTarget.keys { candidates.formUnion(positions(owning: target)) }
        for node in fromNodes { candidates.formUnion(tenantsOnNode[node] ?? []) }
        for to in candidates.sorted().map({ tenants[$0] }) where to.name != from.name {
            let targets = Set(to.namespaces)
            var layers: [TenancyLayer] = []
            var details: [String] = []
            let grants = outbound.filter { $0.namespace.map(targets.contains) ?? true }
            if !grants.isEmpty {
                layers.append(.controlPlane)
                details += grants.map(\.text)
            }
            let flows = to.namespaces.flatMap { flowsByTarget[$0] ?? [] }.sorted()
            if !flows.isEmpty {
                layers.append(.network)
                details += flows.map { "\($0.from) → \($0.to): \($0.connections.text)" }
            }
            let shared = fromNodes.isEmpty ? [] : fromNodes.intersection(nodesByTenant[to.name] ?? [])
            if !shared.isEmpty {
                layers.append(.compute)
                details.append("pods may share nodes \(shared.sorted().joined(separator: ", "))")
            }
            if !layers.isEmpty { cells.append(Interaction(from: from.name, to: to.name, layers: layers, details: details)) }
        }
        return cells
    }
}
