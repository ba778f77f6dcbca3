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
    /// row on every core, ordered by the names of the two (tenants of one name in their order).
    func cells() -> [Interaction] {
        let byName = tenants.indices.sorted { tenants[$0].name < tenants[$1].name }
        var rankByName = Array(repeating: 0, count: tenants.count)
        for (rank, position) in byName.enumerated() { rankByName[position] = rank }
        var positionsOfTenant: [String: [Int]] = [:]
        for (position, tenant) in tenants.enumerated() { positionsOfTenant[tenant.name, default: []].append(position) }
        var tenantsOnNode: [String: Set<Int>] = [:]
        for (name, nodes) in nodesByTenant {
            for node in nodes { tenantsOnNode[node, default: []].formUnion(positionsOfTenant[name] ?? []) }
        }
        let lookup = Lookup(positionsOfTenant: positionsOfTenant, tenantsOnNode: tenantsOnNode,
                            ownersOfReachable: reachability.names.map { ownerOfNamespace[$0].flatMap { positionsOfTenant[$0] } ?? [] },
                            rankByName: rankByName)
        return byName.concurrentFlatMap(chunk: Self.rowChunk, scratch: { () }) { from, _ in row(tenants[from], lookup) }
    }

    /// Rows per unit of parallel work.
    static let rowChunk = 16

    /// Indexes every row reads: tenants by name and by node, and the tenants (positions in `tenants`)
    /// owning each namespace of the reachability, by its position there.
    private struct Lookup: Sendable {
        let positionsOfTenant: [String: [Int]]
        let tenantsOnNode: [String: Set<Int>]
        let ownersOfReachable: [[Int]]
        /// Each tenant's place in the order of names.
        let rankByName: [Int]

        func positions(owning namespace: String, _ ownerOfNamespace: [String: String]) -> [Int] {
            ownerOfNamespace[namespace].flatMap { positionsOfTenant[$0] } ?? []
        }
    }

    /// A connection from a namespace of a row's tenant to another tenant's, by positions in the
    /// reachability's names (sorted, so positions order as names do).
    private struct Flow {
        let from: Int
        let to: Int
        let connections: ConnectionSet
    }

    /// The cells of the tenants `from` reaches or acts on, in the order of their names.
    private func row(_ from: Tenant, _ lookup: Lookup) -> [Interaction] {
        var cells: [Interaction] = []
        let outbound = grants[from.name] ?? []
        // The flows out of the tenant's namespaces, by the tenant (position) they enter.
        let members = from.namespaces.compactMap(reachability.position(of:))
        let memberSet = Set(members)
        var flowsInto: [Int: [Flow]] = [:]
        for member in members {
            reachability.forEachPeer(of: member, outgoing: true) { peer, connections in
                guard !memberSet.contains(peer) else { return }
                for target in lookup.ownersOfReachable[peer] { flowsInto[target, default: []].append(Flow(from: member, to: peer, connections: connections)) }
            }
        }
        let fromNodes = nodesByTenant[from.name] ?? []
        var candidates: Set<Int> = []
        if outbound.contains(where: { $0.namespace == nil }) {
            candidates = Set(tenants.indices)
        } else {
            for grant in outbound { candidates.formUnion(grant.namespace.map { lookup.positions(owning: $0, ownerOfNamespace) } ?? []) }
        }
        candidates.formUnion(flowsInto.keys)
        for node in fromNodes { candidates.formUnion(lookup.tenantsOnNode[node] ?? []) }
        let names = reachability.names
        for position in candidates.sorted(by: { lookup.rankByName[$0] < lookup.rankByName[$1] }) where tenants[position].name != from.name {
            var layers: [TenancyLayer] = []
            var details: [String] = []
            if !outbound.isEmpty {
                let targets = Set(tenants[position].namespaces)
                let grants = outbound.filter { $0.namespace.map(targets.contains) ?? true }
                if !grants.isEmpty {
                    layers.append(.controlPlane)
                    details += grants.map(\.text)
                }
            }
            if let flows = flowsInto[position] {
                layers.append(.network)
                details += flows.sorted { ($0.from, $0.to) < ($1.from, $1.to) }.map { "\(names[$0.from]) → \(names[$0.to]): \($0.connections.text)" }
            }
            let shared = fromNodes.isEmpty ? [] : fromNodes.intersection(nodesByTenant[tenants[position].name] ?? [])
            if !shared.isEmpty {
                layers.append(.compute)
                details.append("pods may share nodes \(shared.sorted().joined(separator: ", "))")
            }
            if !layers.isEmpty { cells.append(Interaction(from: from.name, to: tenants[position].name, layers: layers, details: details)) }
        }
        return cells
    }
}
