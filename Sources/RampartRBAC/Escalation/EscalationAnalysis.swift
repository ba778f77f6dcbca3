import RampartModel

/// Escalation paths: from a subject, what its permissions let it become, to a fixed point. Each
/// technique is one edge (run a pod as any account of a namespace, impersonate, read or mint a
/// token, exec into running pods, bind or escalate roles); a path ends at cluster-admin-equivalent
/// power or in a namespace of another tenant (`rampart.dev/tenant`, else the namespace itself).
///
/// Paths are shortest by steps. Nodes are expanded once and memoised, so asking about every
/// subject costs one walk of the graph for cluster-admin (backwards from it) and one walk per
/// subject for tenants.
public struct EscalationAnalysis: Sendable {
    var graph: EscalationGraph

    public init(policy: RBACPolicy, inventory: Inventory) {
        graph = EscalationGraph(policy: policy, facts: ClusterFacts(policy: policy, inventory: inventory))
    }

    /// The same graph with `bindings` taken as removed (memoised edges are not kept).
    func excluding(_ bindings: Set<BindingReference>) -> EscalationAnalysis {
        var copy = self
        copy.graph = EscalationGraph(policy: graph.policy, facts: graph.facts, excluding: bindings)
        return copy
    }

    /// Every subject a binding names, and the IAM principals of EKS's `aws-auth`, sorted.
    public var subjects: [Subject] {
        Set(graph.facts.bindingsBySubject.keys).union(graph.facts.awsAuth.byARN.keys.map { Subject(kind: .user, name: $0) }).sorted()
    }

    /// For each of `starts`: its path to cluster-admin, or else its paths into other tenants.
    public mutating func paths(from starts: [Subject]) -> [EscalationPath] {
        let admin = clusterAdminPaths(from: starts)
        let reaching = Set(admin.map(\.from))
        return admin + starts.filter { !reaching.contains($0) }.flatMap { tenantPaths(from: $0) }
    }

    /// The shortest path to cluster-admin-equivalent power from each of `starts` that has one.
    public mutating func clusterAdminPaths(from starts: [Subject]) -> [EscalationPath] {
        let origins = starts.map { graph.number(of: .identity($0.requestUser)) }
        let admin = graph.number(of: .clusterAdmin)
        let next = stepsTowardClusterAdmin(from: origins, admin: admin)
        return zip(starts, origins).compactMap { start, origin in
            var node = origin
            var walk: [(EscalationNode, EscalationEdge)] = []
            while node != admin, node < next.count, next[node] >= 0 {
                let expansion = graph.expansion(of: node)
                walk.append((graph.nodes[node], expansion.edges[next[node]]))
                node = expansion.targets[next[node]]
            }
            return node == admin ? EscalationPath(from: start, goal: .clusterAdmin, steps: Self.steps(walk)) : nil
        }
    }

    /// The shortest path from `start` into each tenant other than its own; none when `start` can
    /// reach cluster-admin (that path says it all) or belongs to no tenant (users and groups bound
    /// only cluster-wide).
    public mutating func tenantPaths(from start: Subject) -> [EscalationPath] {
        let homes = graph.facts.homeTenants(of: start)
        guard !homes.isEmpty else { return [] }
        let admin = graph.number(of: .clusterAdmin)
        var walk = GraphWalk(origins: [graph.number(of: .identity(start.requestUser))])
        var reached: [String: Int] = [:]
        while let node = walk.next() {
            if let namespace = graph.namespaces[node] {
                let tenant = graph.facts.tenant(of: namespace)
                if !homes.contains(tenant), reached[tenant] == nil { reached[tenant] = node }
            }
            for (index, target) in graph.expansion(of: node).targets.enumerated() where walk.reach(target, from: node, edge: index) {
                if target == admin { return [] }
            }
        }
        return reached.keys.sorted().compactMap { tenant in
            guard let end = reached[tenant] else { return nil }
            let goal = EscalationPath.Goal(kind: .tenant, tenant: tenant, namespace: graph.namespaces[end])
            return EscalationPath(from: start, goal: goal, steps: steps(of: walk, to: end))
        }
    }

    /// For every node reachable from `origins`, by number, the index of the first edge of a shortest
    /// path to cluster-admin (node `admin`); -1 for nodes with none.
    private mutating func stepsTowardClusterAdmin(from origins: [Int], admin: Int) -> [Int] {
        graph.expandReachable(from: origins)
        var incoming: [[(source: Int, edge: Int)]] = []
        var walk = GraphWalk(origins: origins)
        while let node = walk.next() {
            for (index, target) in graph.expansion(of: node).targets.enumerated() {
                if target >= incoming.count { incoming += repeatElement([], count: target + 1 - incoming.count) }
                incoming[target].append((node, index))
                walk.reach(target, from: node, edge: index)
            }
        }
        var next = [Int](repeating: -1, count: graph.nodes.count)
        var done = [Bool](repeating: false, count: graph.nodes.count)
        done[admin] = true
        var frontier = [admin]
        var index = 0
        while index < frontier.count {
            let node = frontier[index]
            index += 1
            for (source, edge) in node < incoming.count ? incoming[node] : [] where !done[source] {
                done[source] = true
                next[source] = edge
                frontier.append(source)
            }
        }
        return next
    }

    /// The steps of the way `walk` reached `node`.
    mutating func steps(of walk: GraphWalk, to node: Int) -> [EscalationStep] {
        Self.steps(walk.route(to: node).map { from, edge in (graph.nodes[from], graph.expansion(of: from).edges[edge]) })
    }

    /// Steps of a walk, a hub's fan-out folded into the step that reached the hub.
    static func steps(_ walk: [(EscalationNode, EscalationEdge)]) -> [EscalationStep] {
        var steps: [EscalationStep] = []
        var index = 0
        while index < walk.count {
            let (from, edge) = walk[index]
            var target = edge.target
            while target.isHub, index + 1 < walk.count, walk[index + 1].1.technique == .member {
                index += 1
                target = walk[index].1.target
            }
            steps.append(EscalationStep(from: from, edge: edge, target: target))
            index += 1
        }
        return steps
    }
}
