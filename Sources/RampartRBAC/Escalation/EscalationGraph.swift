import RampartModel

/// The escalation graph, built lazily: each node's capabilities (its bindings, or the role or
/// admin power it stands for) and the edges the techniques derive from them. Nodes are numbered in
/// the order they are met, so that walks keep their state in arrays; edges are memoised by number.
struct EscalationGraph: Sendable {
    let policy: RBACPolicy
    let facts: ClusterFacts
    /// Bindings taken as removed (to test a fix).
    let excluded: Set<BindingReference>
    /// Every node met so far, by number.
    private(set) var nodes: [EscalationNode] = []
    /// The namespace of each node (see `EscalationNode.namespace`), by number.
    private(set) var namespaces: [String?] = []
    private var numbers: [EscalationNode: Int] = [:]
    /// The edges out of each node and their targets' numbers, by number; nil until asked for.
    private var expansions: [Expansion?] = []

    /// The edges out of one node, deduplicated by target, in a stable order, with the targets' numbers.
    struct Expansion: Sendable {
        var edges: [EscalationEdge]
        var targets: [Int]
    }

    init(policy: RBACPolicy, facts: ClusterFacts, excluding excluded: Set<BindingReference> = []) {
        self.policy = policy
        self.facts = facts
        self.excluded = excluded
    }

    /// The number of `node`, numbering it if it is new.
    mutating func number(of node: EscalationNode) -> Int {
        if let known = numbers[node] { return known }
        let number = nodes.count
        numbers[node] = number
        nodes.append(node)
        namespaces.append(node.namespace)
        expansions.append(nil)
        return number
    }

    /// The edges out of node `number`. Cluster-admin has none: it is the end of every path.
    mutating func expansion(of number: Int) -> Expansion {
        if let known = expansions[number] { return known }
        return store(distinctEdges(from: number), of: number)
    }

    /// Expands those of `numbers` not expanded yet, working out their edges on every core and
    /// numbering their targets in the order of `numbers` (as expanding them one by one would).
    private mutating func expand(_ numbers: [Int]) {
        let pending = numbers.filter { expansions[$0] == nil }
        let graph = self
        let edges = pending.concurrentMap(chunk: Self.expansionChunk, scratch: {}) { number, _ in graph.distinctEdges(from: number) }
        for (number, edges) in zip(pending, edges) where expansions[number] == nil { store(edges, of: number) }
    }

    /// Expands every node reachable from `origins`, a level of a breadth-first walk at a time, each
    /// level's nodes on every core (numbered as a walk expanding them one by one would).
    mutating func expandReachable(from origins: [Int]) {
        var walk = GraphWalk(origins: origins)
        var level: [Int] = []
        while let node = walk.next() { level.append(node) }
        while !level.isEmpty {
            expand(level)
            for node in level {
                for (index, target) in expandedTargets(of: node).enumerated() { walk.reach(target, from: node, edge: index) }
            }
            level.removeAll(keepingCapacity: true)
            while let node = walk.next() { level.append(node) }
        }
    }

    /// Nodes per unit of parallel expansion.
    private static let expansionChunk = 32

    /// The targets' numbers of node `number`, if it is expanded (else none).
    func expandedTargets(of number: Int) -> [Int] {
        expansions[number]?.targets ?? []
    }

    /// The edges out of node `number`, the first to each target only.
    private func distinctEdges(from number: Int) -> [EscalationEdge] {
        let node = nodes[number]
        var seen: Set<EscalationNode> = [node]
        return computeEdges(from: node).filter { seen.insert($0.target).inserted }
    }

    /// Records `edges` as the expansion of node `number`, numbering their targets.
    @discardableResult
    private mutating func store(_ edges: [EscalationEdge], of number: Int) -> Expansion {
        let expansion = Expansion(edges: edges, targets: edges.map { self.number(of: $0.target) })
        expansions[number] = expansion
        return expansion
    }

    private func computeEdges(from node: EscalationNode) -> [EscalationEdge] {
        switch node {
        case .admin(.cluster), .relabel, .nodes:
            return []
        case .anyAccount(nil):
            return facts.namespaces.map { .member(.anyAccount(namespace: $0)) }
        case .anyAccount(let namespace?):
            return (facts.accounts[namespace] ?? ["default"]).map { .member(.identity(Self.account(namespace, $0))) }
        case .podAccounts(nil):
            return facts.podAccounts.keys.sorted().map { .member(.podAccounts(namespace: $0)) }
        case .podAccounts(let namespace?):
            return (facts.podAccounts[namespace] ?? []).map { .member(.identity(Self.account(namespace, $0))) }
        case .identity(let user) where user.name.flatMap { facts.awsAuth.byARN[$0] }.map { $0.user != user } ?? false:
            guard let mapping = user.name.flatMap({ facts.awsAuth.byARN[$0] }) else { return [] }
            return [EscalationEdge(technique: .awsAuth, target: .identity(mapping.user),
                                   action: "is mapped by ConfigMap \(AWSAuthMappings.namespace)/\(AWSAuthMappings.name) (\(mapping.field))",
                                   origins: [])]
        case .identity(let user) where user.isPrivileged:
            return [EscalationEdge(technique: .privilegedGroup, target: .clusterAdmin,
                                   action: "is a member of \(RequestUser.privilegedGroup), which kube-apiserver allows everything before RBAC is asked",
                                   origins: [])]
        case .identity, .impersonated, .role, .admin, .deployer:
            let capabilities = capabilities(of: node)
            let full = fullAccess(capabilities)
            return full.isEmpty ? techniques(capabilities) : full
        }
    }

    /// The user of service account `namespace/name`.
    static func account(_ namespace: String, _ name: String) -> RequestUser {
        RequestUser(name: Subject.serviceAccountUserName(namespace: namespace, name: name))
    }

    /// The rules a node holds and where.
    func capabilities(of node: EscalationNode) -> CapabilitySet {
        switch node {
        case .identity(let user):
            return CapabilitySet(capabilities: bound(user))
        case .impersonated(let user, _, let gates):
            return CapabilitySet(capabilities: bound(user).flatMap { capability in gates.compactMap { $0.admit(capability) } })
        case .role(let key, let scope):
            return CapabilitySet(capabilities: (facts.relevantRules[key] ?? []).map { relevant in
                let sourced = relevant.sourced
                return Capability(rule: sourced.rule, answers: relevant.answers, scope: scope,
                                  origin: .implied("rules[\(sourced.index)] of \(sourced.role) allows \(sourced.rule.summary), once \(key) is bound \(scope.description)"))
            })
        case .admin(let scope):
            return CapabilitySet(capabilities: [Capability(rule: Capability.everything, scope: scope,
                                                           origin: .implied("every permission \(scope.description), once taken"))])
        case .deployer(let scope):
            return CapabilitySet(capabilities: [Capability(rule: Capability.everything, scope: scope,
                                                           origin: .implied("every namespaced permission \(scope.description), through Argo CD"),
                                                           namespacedOnly: true)])
        case .anyAccount, .podAccounts, .relabel, .nodes:
            return CapabilitySet(capabilities: [])
        }
    }

    /// The rules `user`'s bindings give it.
    private func bound(_ user: RequestUser) -> [Capability] {
        bindings(of: user).flatMap { subject, binding -> [Capability] in
            guard case .resolved(let role) = policy.role(of: binding) else { return [] }
            let scope = binding.namespace.map(PermissionScope.namespace) ?? .cluster
            return (facts.relevantRules[role.key] ?? []).map {
                Capability(rule: $0.sourced.rule, answers: $0.answers, scope: scope,
                           origin: .binding(subject: subject, binding: binding, role: role, rule: $0.sourced))
            }
        }
    }

    /// The bindings that name `user` (as its user name, its service account or one of its groups),
    /// each with the subject that matched, in policy order.
    private func bindings(of user: RequestUser) -> [(Subject, RBACBinding)] {
        var candidates = user.groups.map { Subject(kind: .group, name: $0) }
        if let name = user.name {
            candidates.insert(Subject(kind: .user, name: name), at: 0)
            if let account = RequestUser.serviceAccount(userName: name) {
                candidates.insert(Subject(kind: .serviceAccount, name: account.name, namespace: account.namespace), at: 0)
            }
        }
        var seen: Set<BindingReference> = []
        let found = candidates.flatMap { subject in (facts.bindingsBySubject[subject] ?? []).map { (subject, $0) } }
            .filter { !excluded.contains($0.1.reference) && seen.insert($0.1.reference).inserted }
        return found.sorted { $0.1.reference < $1.1.reference }
    }

    /// The edge to cluster-admin of a node holding every permission cluster-wide.
    private func fullAccess(_ set: CapabilitySet) -> [EscalationEdge] {
        guard let capability = set.capabilities.first(where: { $0.scope == .cluster && $0.rule.grantsEverything }) else { return [] }
        return [EscalationEdge(technique: .clusterAdmin, target: .clusterAdmin, action: "holds every verb on every resource cluster-wide",
                               origins: [capability.origin])]
    }
}
