import RampartModel

/// The compiled network of an inventory: pods grouped by everything policies can see (namespace,
/// labels, served ports, ipBlock membership), policies of every kind compiled, and for every rule the
/// groups its peers match. Built once; every reachability query reads it.
public struct NetworkAnalysis: Sendable {
    /// Pods that share namespace, labels (their service account's among them), served ports and the
    /// ipBlocks their addresses fall in: every policy treats them alike.
    struct PodGroup: Sendable {
        let namespace: String
        let labels: [String: String]
        let ports: [ServedPort]
        /// The ipBlocks (indices into the analysis' distinct blocks) the pods' addresses fall in.
        let ipBlocks: Set<Int>
        var pods: [Int] = []
        /// Application-tier policies that select and so isolate the group, per direction (indices into `allPolicies`).
        var policies: [TrafficDirection: [Int]] = [:]
        /// Every rule that applies to the group, per direction, in evaluation order (indices into `rules`).
        var rules: [TrafficDirection: [Int]] = [:]
        /// The same rules cut into the runs the tier walk takes.
        var runs: [TrafficDirection: [RuleRun]] = [:]
    }

    /// A rule with what matching it needs, precomputed.
    struct IndexedRule: Sendable {
        /// Index into `allPolicies`.
        let policy: Int
        let rule: PolicyRule
        let tier: PolicyTier
        let precedence: Double
        /// True when another policy of the same tier and precedence may decide the same traffic differently.
        let tiesAreAmbiguous: Bool
        /// The groups the rule's peers match; nil when the rule names no peers (everyone).
        let peerGroups: GroupSet?
        /// The addresses outside the cluster its peers match.
        let externalAddresses: IPRangeSet
        /// Why an address outside the cluster that `externalAddresses` lacks may still match; nil: it does not.
        let unknownExternal: String?
        /// The connections it allows when it has no named port (those resolve per destination).
        let fixedConnections: ConnectionSet?

        /// The order of evaluation: tier, precedence, rank, then the policy and the rule as written.
        static func precedes(_ a: IndexedRule, _ b: IndexedRule) -> Bool {
            (a.tier.rawValue, a.precedence, a.rule.rank, a.policy, a.rule.index)
                < (b.tier.rawValue, b.precedence, b.rule.rank, b.policy, b.rule.index)
        }
    }

    private struct GroupKey: Hashable {
        let namespace: String
        let labels: [String: String]
        let ports: [ServedPort]
        let ipBlocks: [Int]
    }

    /// Pods per unit of parallel work on their group keys.
    private static let podChunk = 1024

    /// A group key with its hash worked out once (hashing the labels is most of the grouping's
    /// work, done for every pod on every core before the pods are grouped in order).
    private struct HashedGroupKey: Hashable, Sendable {
        let key: GroupKey
        let hash: Int

        init(_ key: GroupKey) {
            self.key = key
            hash = key.hashValue
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (left: Self, right: Self) -> Bool { left.hash == right.hash && left.key == right.key }
    }

    public let pods: [NetworkPod]
    /// Every compiled policy of every kind: the NetworkPolicies first (as `policies` lists them, same
    /// indices), then the other kinds.
    public let allPolicies: [CompiledPolicy]
    /// The namespaced NetworkPolicies alone (the first entries of `allPolicies`).
    public let policies: [CompiledPolicy]
    /// Labels of every namespace with pods or policies (`kubernetes.io/metadata.name` always set).
    public let namespaceLabels: [String: [String: String]]
    let groups: [PodGroup]
    let groupOfPod: [Int]
    /// The groups each policy selects (by index into `allPolicies`), ascending.
    let groupsSelectedByPolicy: [[Int]]
    /// The pods of each namespace (indices into `pods`), ascending.
    let podsByNamespace: [String: [Int]]
    let rules: [IndexedRule]
    /// The groups every policy treats alike, for reachability worked out per class.
    let classes: GroupClasses

    public init(_ inventory: Inventory) {
        // Side by side: both are on the audit's longest path.
        let (pods, policies) = Parallel.both({ NetworkPod.all(in: inventory) }, { PolicyCompiler.compile(inventory) })
        self.init(pods: pods, policies: policies, inventory: inventory)
    }

    init(pods: [NetworkPod], policies: [CompiledPolicy], inventory: Inventory) {
        self.pods = pods
        allPolicies = policies
        self.policies = Array(policies.prefix { $0.isNetworkPolicy })
        var labels: [String: [String: String]] = [:]
        for namespace in Set(inventory.namespaceNames + pods.map(\.namespace) + policies.map(\.namespace)) where !namespace.isEmpty {
            var own = inventory.namespaceLabels(namespace) ?? [:]
            own["kubernetes.io/metadata.name"] = namespace
            labels[namespace] = own
        }
        namespaceLabels = labels

        let blocks = Array(Set(policies.flatMap { policy in
            (policy.ingress + policy.egress).flatMap { rule in
                (rule.peers ?? []).compactMap { peer -> IPRangeSet? in
                    if case .ipBlock(let block) = peer, block.matchesPods { return block.addresses }
                    return nil
                }
            }
        }))
        let keys = pods.concurrentMap(chunk: Self.podChunk, scratch: {}) { pod, _ in
            HashedGroupKey(GroupKey(namespace: pod.namespace, labels: pod.selectableLabels, ports: pod.ports,
                                    ipBlocks: blocks.indices.filter { index in pod.addresses.contains(where: blocks[index].contains) }))
        }
        var groups: [PodGroup] = []
        var groupIndex: [HashedGroupKey: Int] = [:]
        var groupOfPod: [Int] = []
        groupOfPod.reserveCapacity(pods.count)
        for (podIndex, hashed) in keys.enumerated() {
            let index = groupIndex[hashed] ?? {
                let key = hashed.key
                groups.append(PodGroup(namespace: key.namespace, labels: key.labels, ports: key.ports, ipBlocks: Set(key.ipBlocks)))
                groupIndex[hashed] = groups.count - 1
                return groups.count - 1
            }()
            groups[index].pods.append(podIndex)
            groupOfPod.append(index)
        }

        let blockIndex = Dictionary(uniqueKeysWithValues: blocks.enumerated().map { ($1, $0) })
        var matcher = PeerGroupMatcher(groups: groups, namespaceLabels: labels, blockIndex: blockIndex)
        matcher.nodes = inventory.objects(ofKind: "Node").map(NodeAddresses.init)
        var rules: [IndexedRule] = []
        var groupsSelectedByPolicy: [[Int]] = []
        groupsSelectedByPolicy.reserveCapacity(policies.count)
        for (policyIndex, policy) in policies.enumerated() {
            var selected = GroupSet(capacity: groups.count)
            for entry in policy.subject { matcher.members(of: entry).forEach { selected.insert($0) } }
            var selectedList: [Int] = []
            selected.forEach { selectedList.append($0) }
            groupsSelectedByPolicy.append(selectedList)
            for direction in TrafficDirection.allCases {
                var ruleIndices: [Int] = []
                for rule in policy.appliesRules(direction) ? policy.rules(direction) : [] {
                    ruleIndices.append(rules.count)
                    rules.append(matcher.index(rule, of: policy, at: policyIndex))
                }
                let isolates = policy.tier == .application && policy.directions.contains(direction)
                guard isolates || !ruleIndices.isEmpty else { continue }
                selected.forEach { group in
                    if isolates { groups[group].policies[direction, default: []].append(policyIndex) }
                    groups[group].rules[direction, default: []] += ruleIndices
                }
            }
        }
        for group in groups.indices {
            for (direction, indices) in groups[group].rules {
                let sorted = policies.count > self.policies.count ? indices.sorted { IndexedRule.precedes(rules[$0], rules[$1]) } : indices
                groups[group].rules[direction] = sorted
                groups[group].runs[direction] = RuleRun.runs(sorted, rules)
            }
        }
        self.groups = groups
        self.groupOfPod = groupOfPod
        self.groupsSelectedByPolicy = groupsSelectedByPolicy
        podsByNamespace = Dictionary(grouping: pods.indices) { pods[$0].namespace }
        self.rules = rules
        classes = GroupClasses(groups: groups, rules: rules)
    }

    /// True when some application-tier policy selects the pod's group in `direction` (the pod is isolated that way).
    func isIsolated(_ group: Int, _ direction: TrafficDirection) -> Bool {
        groups[group].policies[direction] != nil
    }

    /// The connections a rule matches towards a destination group (nil: an address outside the
    /// cluster, where named ports resolve to nothing).
    func connections(of rule: IndexedRule, at destination: Int?) -> ConnectionSet {
        if let fixed = rule.fixedConnections { return fixed }
        return rule.rule.connections(servedBy: destination.map { groups[$0].ports } ?? [])
    }
}

extension CompiledPolicy {
    /// True when the policy's rules of `direction` take effect: a NetworkPolicy's only in the
    /// directions of its `policyTypes`, every other kind's always.
    func appliesRules(_ direction: TrafficDirection) -> Bool {
        !isNetworkPolicy || directions.contains(direction)
    }
}

/// Finds the groups a peer matches, using per-namespace indexes.
struct PeerGroupMatcher {
    let groups: [NetworkAnalysis.PodGroup]
    let namespaceLabels: [String: [String: String]]
    let groupsByNamespace: [String: [Int]]
    /// By label key, then value: the namespaces with groups that carry it.
    let namespacesByLabel: [String: [String: [String]]]
    let blockIndex: [IPRangeSet: Int]
    /// The groups whose addresses fall in each block (by index into the distinct blocks).
    let groupsByBlock: [Int: [Int]]
    /// The Nodes of the inputs, for `nodes` peers.
    var nodes: [NodeAddresses] = []

    init(groups: [NetworkAnalysis.PodGroup], namespaceLabels: [String: [String: String]], blockIndex: [IPRangeSet: Int]) {
        self.groups = groups
        self.namespaceLabels = namespaceLabels
        self.blockIndex = blockIndex
        groupsByNamespace = Dictionary(grouping: groups.indices, by: { groups[$0].namespace })
        var byLabel: [String: [String: [String]]] = [:]
        for namespace in groupsByNamespace.keys {
            for (key, value) in namespaceLabels[namespace] ?? [:] { byLabel[key, default: [:]][value, default: []].append(namespace) }
        }
        namespacesByLabel = byLabel
        var byBlock: [Int: [Int]] = [:]
        for (index, group) in groups.enumerated() {
            for block in group.ipBlocks { byBlock[block, default: []].append(index) }
        }
        groupsByBlock = byBlock
    }

    func index(_ rule: PolicyRule, of policy: CompiledPolicy, at policyIndex: Int) -> NetworkAnalysis.IndexedRule {
        var peerGroups: GroupSet?
        var unknownExternal: String?
        var nodeAddresses = IPRangeSet()
        if let peers = rule.peers {
            var set = GroupSet(capacity: groups.count)
            for peer in peers {
                members(of: peer).forEach { set.insert($0) }
                switch peer {
                case .unknownAddresses(let reason):
                    unknownExternal = reason
                case .nodes where nodes.isEmpty:
                    unknownExternal = "a nodes peer selects node addresses, and no Node is among the inputs"
                case .nodes(let selector):
                    nodeAddresses = nodeAddresses.union(IPRangeSet(nodes.filter { selector.matches($0.labels) }.flatMap(\.addresses)))
                case .pods, .namespaces, .podsInNamespaces, .ipBlock, .invalid:
                    continue
                }
            }
            peerGroups = set
        }
        return NetworkAnalysis.IndexedRule(
            policy: policyIndex, rule: rule, tier: policy.tier, precedence: policy.precedence,
            tiesAreAmbiguous: policy.tiesAreAmbiguous, peerGroups: peerGroups,
            externalAddresses: rule.externalAddresses.union(nodeAddresses), unknownExternal: unknownExternal,
            fixedConnections: rule.hasNamedPort ? nil : rule.connections())
    }

    func members(of peer: PeerMatcher) -> [Int] {
        switch peer {
        case .pods(let selector, let namespace):
            return (groupsByNamespace[namespace] ?? []).filter { selector.matches(groups[$0].labels) }
        case .namespaces(let selector):
            return namespaces(matching: selector).flatMap { groupsByNamespace[$0] ?? [] }
        case .podsInNamespaces(let pods, let namespaces):
            return self.namespaces(matching: namespaces).flatMap { groupsByNamespace[$0] ?? [] }
                .filter { pods.matches(groups[$0].labels) }
        case .ipBlock(let block):
            guard block.matchesPods, let block = blockIndex[block.addresses] else { return [] }
            return groupsByBlock[block] ?? []
        case .nodes, .unknownAddresses, .invalid:
            return []
        }
    }

    private func namespaces(matching selector: LabelSelector) -> [String] {
        candidates(for: selector).filter { selector.matches(namespaceLabels[$0] ?? [:]) }
    }

    /// The namespaces `selector` may match: those carrying one of the label values it requires, else all.
    private func candidates(for selector: LabelSelector) -> [String] {
        if let (key, value) = selector.matchLabels.first { return namespacesByLabel[key]?[value] ?? [] }
        if let required = selector.requirements.first(where: { $0.op == .in }) {
            let byValue = namespacesByLabel[required.key] ?? [:]
            return Set(required.values).flatMap { byValue[$0] ?? [] }
        }
        return Array(groupsByNamespace.keys)
    }
}

/// A Node's labels and addresses (`status.addresses`), for `nodes` peers.
struct NodeAddresses: Sendable {
    let labels: [String: String]
    let addresses: [IPRange]

    init(_ node: KubeObject) {
        labels = node.labels
        addresses = (node.root["status"]?["addresses"]?.items ?? []).compactMap { entry in
            entry["address"]?.string.flatMap(IPAddress.init).map { IPRange(first: $0, last: $0) }
        }
    }
}
