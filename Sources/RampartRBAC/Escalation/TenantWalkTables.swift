/// The escalation graph as far as walks out of some tenants go, frozen into flat arrays: each
/// node's targets in its expansion's order, and what reaching the node means to a walk out of a
/// tenant. A walk over these reads no dictionary and copies no edge list, so the thousands of walks
/// of a namespace-heavy cluster cost little more than the nodes they visit.
struct TenantWalkTables: Sendable {
    /// What reaching a node means, by node number: the index of the tenant owning its namespace
    /// (0 or more), or one of the marks below.
    private let marks: [Int32]
    /// The targets of node `n` are `targets[starts[n]..<starts[n + 1]]`.
    private let starts: [Int32]
    private let targets: [Int32]

    /// A node in no tenant's namespace, and no goal.
    static let unowned: Int32 = -1
    /// Cluster-admin.
    static let clusterAdmin: Int32 = -2
    /// The nodes.
    static let nodes: Int32 = -3
    /// Control of namespace labels: the goals depend on the namespace (see the walk).
    static let relabel: Int32 = -4

    /// Freezes `graph`, every node of which must be expanded that a walk can reach.
    init(graph: EscalationGraph, assignment: TenantAssignment) {
        marks = graph.nodes.indices.map { number in
            switch graph.nodes[number] {
            case .admin(.cluster): Self.clusterAdmin
            case .nodes: Self.nodes
            case .relabel: Self.relabel
            default: graph.namespaces[number].flatMap(assignment.tenantIndex(of:)).map(Int32.init) ?? Self.unowned
            }
        }
        var starts: [Int32] = [0]
        var targets: [Int32] = []
        starts.reserveCapacity(graph.nodes.count + 1)
        for number in graph.nodes.indices {
            targets += graph.expandedTargets(of: number).map(Int32.init)
            starts.append(Int32(targets.count))
        }
        self.starts = starts
        self.targets = targets
    }

    /// The number of nodes.
    var count: Int { marks.count }

    /// What reaching `node` means: a tenant's index, or a mark.
    func mark(of node: Int) -> Int32 { marks[node] }

    /// Calls `body` with each target of `node` and the index of its edge, in the expansion's order.
    func forEachTarget(of node: Int, _ body: (_ target: Int, _ edge: Int) -> Void) {
        let first = Int(starts[node])
        for index in first..<Int(starts[node + 1]) { body(Int(targets[index]), index - first) }
    }
}
