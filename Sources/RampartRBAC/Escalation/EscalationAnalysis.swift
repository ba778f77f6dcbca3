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
        let next = stepsTowardClusterAdmin(from: starts.map { .identity($0.requestUser) })
        return starts.compactMap { start in
            var node = EscalationNode.identity(start.requestUser)
            var walk: [(EscalationNode, EscalationEdge)] = []
            while node != .clusterAdmin, let edge = next[node] {
                walk.append((node, edge))
                node = edge.target
            }
            return node == .clusterAdmin ? EscalationPath(from: start, goal: .clusterAdmin, steps: Self.steps(walk)) : nil
        }
    }

    /// The shortest path from `start` into each tenant other than its own; none when `start` can
    /// reach cluster-admin (that path says it all) or belongs to no tenant (users and groups bound
    /// only cluster-wide).
    public mutating func tenantPaths(from start: Subject) -> [EscalationPath] {
        let homes = graph.facts.homeTenants(of: start)
        guard !homes.isEmpty else { return [] }
        let origin = EscalationNode.identity(start.requestUser)
        var parents: [EscalationNode: (EscalationNode, EscalationEdge)] = [:]
        var queue = [origin]
        var visited: Set<EscalationNode> = [origin]
        var reached: [String: EscalationNode] = [:]
        var index = 0
        while index < queue.count {
            let node = queue[index]
            index += 1
            if let namespace = node.namespace {
                let tenant = graph.facts.tenant(of: namespace)
                if !homes.contains(tenant), reached[tenant] == nil { reached[tenant] = node }
            }
            for edge in graph.edges(from: node) where visited.insert(edge.target).inserted {
                if edge.target == .clusterAdmin { return [] }
                parents[edge.target] = (node, edge)
                queue.append(edge.target)
            }
        }
        return reached.keys.sorted().compactMap { tenant in
            guard let end = reached[tenant] else { return nil }
            var walk: [(EscalationNode, EscalationEdge)] = []
            var node = end
            while let (parent, edge) = parents[node] {
                walk.insert((parent, edge), at: 0)
                node = parent
            }
            let goal = EscalationPath.Goal(kind: .tenant, tenant: tenant, namespace: end.namespace)
            return EscalationPath(from: start, goal: goal, steps: Self.steps(walk))
        }
    }

    /// For every node reachable from `origins`, the first edge of a shortest path to cluster-admin.
    private mutating func stepsTowardClusterAdmin(from origins: [EscalationNode]) -> [EscalationNode: EscalationEdge] {
        var incoming: [EscalationNode: [(EscalationNode, EscalationEdge)]] = [:]
        var queue = origins
        var visited = Set(origins)
        var index = 0
        while index < queue.count {
            let node = queue[index]
            index += 1
            for edge in graph.edges(from: node) {
                incoming[edge.target, default: []].append((node, edge))
                if visited.insert(edge.target).inserted { queue.append(edge.target) }
            }
        }
        var next: [EscalationNode: EscalationEdge] = [:]
        var frontier = [EscalationNode.clusterAdmin]
        var done: Set<EscalationNode> = [.clusterAdmin]
        index = 0
        while index < frontier.count {
            let node = frontier[index]
            index += 1
            for (source, edge) in incoming[node] ?? [] where done.insert(source).inserted {
                next[source] = edge
                frontier.append(source)
            }
        }
        return next
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
