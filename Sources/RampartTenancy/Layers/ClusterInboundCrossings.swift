import RampartRBAC

/// The inbound crossings of the ClusterRoleBindings, sorted out once for every tenant: each enters
/// every tenant but the one its subject belongs to, so a platform of thousands of tenants and
/// hundreds of cluster-wide grants works each out once, not once per tenant.
struct ClusterInboundCrossings: Sendable {
    /// A crossing that is evidence on its own, with the namespace whose tenant its subject belongs to
    /// (nil: none), in the order of the bindings.
    struct Entry: Sendable {
        let namespace: String?
        let crossing: Crossing
    }

    let entries: [Entry]
    /// Cluster-wide operators (users and groups of their own, bound cluster-wide), in order: the same
    /// in every tenant, and counted in one evidence item (see `ControlPlaneLayer`).
    let operators: [Crossing]
    /// The binding and subject of every crossing.
    let keys: Set<ControlPlaneBoundary.Key>

    init(_ index: BoundaryIndex) {
        var entries: [Entry] = []
        var operators: [Crossing] = []
        for inbound in index.clusterInbound {
            let crossing = Crossing(inbound.crossing)
            if inbound.namespace == nil, ControlPlaneLayer.isClusterWideOperator(crossing) {
                operators.append(crossing)
            } else {
                entries.append(Entry(namespace: inbound.namespace, crossing: crossing))
            }
        }
        self.entries = entries
        self.operators = operators
        keys = Set(index.clusterInbound.map { ControlPlaneBoundary.Key($0.crossing.binding.reference, $0.crossing.subject) })
    }
}
