import RampartModel

/// Escalation out of a tenant: from every subject of the tenant at once, the shortest path to
/// cluster-admin, to the nodes, and into each other tenant.
///
/// A tenant's subjects are the service accounts of its namespaces (`default` and those bindings
/// name) and the users and groups that RoleBindings of its namespaces name and RoleBindings of no
/// other namespace (ClusterRoleBindings may name them too: what they grant is part of the tenant's
/// power). Groups that stand for everyone (`system:authenticated`…) and other `system:` users and
/// groups belong to no tenant.
extension EscalationAnalysis {
    /// The subjects of `tenant`, sorted.
    public func subjects(of tenant: String, in assignment: TenantAssignment) -> [Subject] {
        let members = Set(assignment.namespacesOfTenant[tenant] ?? [])
        var subjects = members.flatMap { namespace in
            (graph.facts.accounts[namespace] ?? ["default"]).map { Subject(kind: .serviceAccount, name: $0, namespace: namespace) }
        }
        // A user or group all of whose RoleBindings are in the tenant has its first one there too.
        for namespace in members {
            for candidate in graph.facts.roleBindingSubjects[namespace] ?? [] where candidate.namespaces.allSatisfy(members.contains) {
                subjects.append(candidate.subject)
            }
        }
        return subjects.sorted()
    }

    /// The shortest path out of `tenant` to each goal it reaches: cluster-admin, the nodes, and every
    /// other tenant (`to`: that tenant and cluster-admin only). Sorted by goal: cluster-admin, nodes, tenants by name.
    public mutating func paths(outOf tenant: String, in assignment: TenantAssignment, to target: String? = nil) -> [EscalationPath] {
        paths(outOf: [tenant], in: assignment, to: target)
    }

    /// The paths out of each of `tenants` (see `paths(outOf:in:to:)`), tenant after tenant.
    public mutating func paths(outOf tenants: [String], in assignment: TenantAssignment, to target: String? = nil) -> [EscalationPath] {
        let tables = walkTables(for: tenants, in: assignment)
        var walk = GraphWalk(origins: [])
        var paths: [EscalationPath] = []
        for tenant in tenants {
            // Goals reached at one node (every tenant a relabelled namespace joins) share their steps.
            var stepsToNode: [Int: [EscalationStep]] = [:]
            for (goal, end) in reach(outOf: tenant, in: assignment, over: tables, walking: &walk) {
                if let target, goal.kind == .nodes || (goal.kind == .tenant && goal.tenant != target) { continue }
                guard let start = graph.nodes[walk.origin(of: end)].subject else { continue }
                let steps = stepsToNode[end] ?? steps(of: walk, to: end)
                stepsToNode[end] = steps
                paths.append(EscalationPath(from: start, tenant: tenant, goal: goal, steps: steps))
            }
        }
        return paths
    }

    /// The paths out of `tenant` (see `paths(outOf:in:to:)`) as routes: tenants reached through the
    /// same node (a hub that fans out to every namespace, a relabelled namespace) are one route whose
    /// steps end at that node, worked out once. Sorted by each route's first goal. `tables` come from
    /// `walkTables(for:in:)` with `tenant` among the tenants; `walk` is scratch, reused across calls.
    mutating func routes(outOf tenant: String, in assignment: TenantAssignment, over tables: TenantWalkTables,
                         walking walk: inout GraphWalk) -> [EscalationRoute] {
        let reached = reach(outOf: tenant, in: assignment, over: tables, walking: &walk)
        var goalsThrough: [Int: [(goal: EscalationPath.Goal, end: Int)]] = [:]
        var stems: [Int] = []
        for (goal, end) in reached {
            let stem = goal.kind == .tenant ? fanOut(to: end, in: walk) : end
            if goalsThrough[stem] == nil { stems.append(stem) }
            goalsThrough[stem, default: []].append((goal, end))
        }
        return stems.compactMap { stem in
            guard let through = goalsThrough[stem], let start = graph.nodes[walk.origin(of: stem)].subject else { return nil }
            // One tenant: the steps to the member reached; several: to the node they fan out from.
            let end = through.count == 1 ? through[0].end : stem
            return EscalationRoute(from: start, tenant: tenant, goals: through.map(\.goal), steps: steps(of: walk, to: end))
        }
    }

    /// Expands the graph as far as walks out of `tenants` go, and freezes it for them.
    mutating func walkTables(for tenants: [String], in assignment: TenantAssignment) -> TenantWalkTables {
        expandReach(of: tenants, in: assignment)
        return TenantWalkTables(graph: graph, assignment: assignment)
    }

    /// The walk out of every subject of `tenant` (left in `walk`), and the goals it reaches, each
    /// with the node it first reaches it at; sorted by goal (cluster-admin, nodes, tenants by name),
    /// a tenant's goal with the namespace of it that node is in, if any.
    private mutating func reach(outOf tenant: String, in assignment: TenantAssignment, over tables: TenantWalkTables,
                                walking walk: inout GraphWalk) -> [(goal: EscalationPath.Goal, end: Int)] {
        let origins = Set(subjects(of: tenant, in: assignment).map { EscalationNode.identity($0.requestUser) })
        walk.restart(from: origins.sorted { $0.description < $1.description }.map { graph.number(of: $0) })
        var reached = ReachedGoals(tenants: assignment.tenants.count, own: assignment.index(ofTenant: tenant))
        // The walk stops once every goal there is has been reached.
        while !reached.all, let node = walk.next() {
            switch tables.mark(of: node) {
            case TenantWalkTables.clusterAdmin:
                reached.clusterAdmin(at: node)
            case TenantWalkTables.nodes:
                reached.nodes(at: node)
            case TenantWalkTables.relabel:
                // Hijack: another tenant's namespace (any, for a cluster-wide write) moves out of it; adoption:
                // a namespace joins every tenant whose membership is a label.
                if let namespace = graph.namespaces[node] {
                    if let owner = assignment.tenantIndex(of: namespace) { reached.tenant(owner, at: node) }
                } else {
                    for index in assignment.tenants.indices { reached.tenant(index, at: node) }
                }
                reached.adoption(into: assignment.byLabelIndices, at: node)
            case let owner where owner >= 0:
                reached.tenant(Int(owner), at: node)
            default:
                break
            }
            tables.forEachTarget(of: node) { target, edge in walk.reach(target, from: node, edge: edge) }
        }
        var goals: [(goal: EscalationPath.Goal, end: Int)] = []
        if reached.clusterAdmin >= 0 { goals.append((.clusterAdmin, reached.clusterAdmin)) }
        if reached.nodes >= 0 { goals.append((.nodes, reached.nodes)) }
        for (index, end) in reached.tenants.enumerated() where end >= 0 {
            let namespace = graph.namespaces[end].flatMap { assignment.tenantIndex(of: $0) == index ? $0 : nil }
            goals.append((EscalationPath.Goal(kind: .tenant, tenant: assignment.tenants[index], namespace: namespace), end))
        }
        return goals
    }

    /// The hub whose fan-out led to `node` (the first of a chain of hub-to-member steps), else `node`.
    private mutating func fanOut(to node: Int, in walk: GraphWalk) -> Int {
        var current = node
        while let (parent, edge) = walk.arrival(at: current), graph.nodes[parent].isHub,
              graph.expansion(of: parent).edges[edge].technique == .member {
            current = parent
        }
        return current
    }

}

/// The node at which a walk out of one tenant first reaches each goal (-1: not reached): cluster-admin,
/// the nodes, and each other tenant, by its index in the assignment's sorted tenants.
private struct ReachedGoals {
    private(set) var clusterAdmin = -1
    private(set) var nodes = -1
    private(set) var tenants: [Int]
    /// The walk's own tenant, never a goal.
    private let own: Int?
    /// Whether a relabelled namespace was reached (see `adoption(into:at:)`).
    private var adopted = false
    private var count = 0
    private let possible: Int

    init(tenants: Int, own: Int?) {
        self.tenants = Array(repeating: -1, count: tenants)
        self.own = own
        possible = 2 + tenants - (own == nil ? 0 : 1)
    }

    /// Every goal there is has been reached.
    var all: Bool { count == possible }

    mutating func clusterAdmin(at node: Int) {
        if Self.fill(&clusterAdmin, node) { count += 1 }
    }

    mutating func nodes(at node: Int) {
        if Self.fill(&nodes, node) { count += 1 }
    }

    mutating func tenant(_ index: Int, at node: Int) {
        if index != own, Self.fill(&tenants[index], node) { count += 1 }
    }

    /// A relabelled namespace reached at `node` joins `byLabel` (the tenants whose membership is a
    /// label): the first one reaches them all, so the walk's later ones (a walk may meet thousands,
    /// and as many tenants may be by label) are not counted through again.
    mutating func adoption(into byLabel: [Int], at node: Int) {
        guard !adopted else { return }
        adopted = true
        for index in byLabel { tenant(index, at: node) }
    }

    /// Sets an unreached `slot` to `node`; false when it was reached before.
    private static func fill(_ slot: inout Int, _ node: Int) -> Bool {
        guard slot < 0 else { return false }
        slot = node
        return true
    }
}

extension EscalationAnalysis {
    /// Where a path is fixed first: the binding of its first step's first grant, and the index of the
    /// path's subject there (else the first binding that names the subject); nil when none names it.
    public func firstBinding(of path: EscalationPath) -> (binding: RBACBinding, subjectIndex: Int)? {
        let bindings = graph.facts.bindingsBySubject
        if let grant = path.steps.first?.via.first, let reference = grant.binding,
           let binding = bindings[grant.subject]?.first(where: { $0.reference == reference }),
           let index = binding.subjects.first(where: { $0.subject == grant.subject })?.index {
            return (binding, index)
        }
        guard let binding = bindings[path.from]?.first, let index = binding.subjects.first(where: { $0.subject == path.from })?.index else { return nil }
        return (binding, index)
    }
}

extension EscalationPath {
    /// `create-workloads → any service account of namespace b; cluster-admin → cluster-admin`.
    public var summary: String {
        steps.map { "\($0.technique.rawValue) → \($0.to)" }.joined(separator: "; ")
    }

    /// `tenant a → tenant b`, `tenant a → cluster-admin`.
    public var pair: String {
        "tenant \(tenant ?? "?") → " + (goal.kind == .tenant ? "tenant \(goal.tenant ?? "")" : goal.kind.rawValue)
    }
}

/// The routes out of every tenant of an assignment, with the analysis that found them (for `firstBinding`).
public struct TenantEscalations: Sendable {
    public let analysis: EscalationAnalysis
    /// By tenant, then first goal.
    public let routes: [EscalationRoute]

    public init(policy: RBACPolicy, inventory: Inventory, assignment: TenantAssignment) {
        var analysis = EscalationAnalysis(policy: policy, inventory: inventory)
        let tables = analysis.walkTables(for: assignment.tenants, in: assignment)
        // The walks only read the expanded graph now: each chunk of tenants walks a copy that
        // shares its storage, on every core, reusing one walk's arrays.
        let expanded = analysis
        routes = assignment.tenants.concurrentFlatMap(chunk: Self.tenantChunk, scratch: { (expanded, GraphWalk(origins: [])) }) { tenant, scratch in
            scratch.0.routes(outOf: tenant, in: assignment, over: tables, walking: &scratch.1)
        }
        self.analysis = analysis
    }

    /// Tenants per unit of parallel walking.
    static let tenantChunk = 16
}

extension EscalationAnalysis {
    /// Expands every node that a walk out of any of `tenants` can reach, once: the walks out of
    /// each tenant that follow expand nothing more.
    mutating func expandReach(of tenants: [String], in assignment: TenantAssignment) {
        // Tenant by tenant, each tenant's subjects sorted: the same order on every run.
        graph.expandReachable(from: tenants.flatMap { subjects(of: $0, in: assignment) }.map { graph.number(of: .identity($0.requestUser)) })
    }
}
