/// Namespace-to-namespace reachability as the network engine works it out: namespaces whose pods
/// fall in the same group classes (`GroupClasses`) reach and are reached alike, so connections are
/// kept per pair of such namespace classes ("every namespace of class C reaches every other namespace
/// of class D"), and each namespace's connections with itself apart. A thousand namespaces without
/// policies are one class and one entry, not a million pairs; only the readers that list pairs pay
/// for them, and a namespace's own flows cost that namespace's pairs alone.
public struct NamespaceReachability: Sendable {
    /// Connections from every namespace of one class to every namespace (but itself) of another class.
    struct ClassFlow: Sendable {
        let peer: Int
        let connections: ConnectionSet
    }

    /// Every namespace with pods, sorted; positions in it stand for namespaces, so their order is the names'.
    public let names: [String]
    private let positionOfName: [String: Int]
    private let classOfNamespace: [Int]
    /// The namespaces (positions, increasing) of each namespace class.
    private let members: [[Int]]
    /// By namespace class: the classes its namespaces reach, and the classes that reach them.
    private let outgoing: [[ClassFlow]]
    private let incoming: [[ClassFlow]]
    /// By namespace position: what the namespace's pods may open towards its own pods.
    private let within: [ConnectionSet?]

    init(_ analysis: NetworkAnalysis) {
        let classes = analysis.classes
        names = Array(Set(analysis.groups.map(\.namespace))).sorted()
        positionOfName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var groupsOfNamespace = Array(repeating: [Int](), count: names.count)
        for (index, group) in analysis.groups.enumerated() {
            if let position = positionOfName[group.namespace] { groupsOfNamespace[position].append(index) }
        }
        var classOfKey: [[Int]: Int] = [:]
        var classOfNamespace: [Int] = []
        var members: [[Int]] = []
        for groups in groupsOfNamespace {
            let key = Set(groups.map { classes.classOfGroup[$0] }).sorted()
            let index = classOfKey[key] ?? members.count
            if index == members.count {
                classOfKey[key] = index
                members.append([])
            }
            classOfNamespace.append(index)
            members[index].append(classOfNamespace.count - 1)
        }
        var namespaceClassesOfGroupClass = Array(repeating: [Int](), count: classes.count)
        for (key, index) in classOfKey {
            for groupClass in key { namespaceClassesOfGroupClass[groupClass].append(index) }
        }

        var allowed: [Int: ConnectionSet] = [:]
        var between: [Int: ConnectionSet] = [:]
        analysis.forEachConnectedClassPair { source, destination, outcome in
            guard !outcome.allowed.isEmpty else { return }
            allowed[source * classes.count + destination] = outcome.allowed
            for from in namespaceClassesOfGroupClass[source] {
                for to in namespaceClassesOfGroupClass[destination] {
                    between[from * members.count + to, default: .none] = between[from * members.count + to, default: .none].union(outcome.allowed)
                }
            }
        }
        var outgoing = Array(repeating: [ClassFlow](), count: members.count)
        var incoming = Array(repeating: [ClassFlow](), count: members.count)
        for (pair, connections) in between.sorted(by: { $0.key < $1.key }) {
            let (from, to) = pair.quotientAndRemainder(dividingBy: members.count)
            outgoing[from].append(ClassFlow(peer: to, connections: connections))
            incoming[to].append(ClassFlow(peer: from, connections: connections))
        }
        within = groupsOfNamespace.map { groups in
            var union = ConnectionSet.none
            for source in groups {
                for destination in groups where source != destination || analysis.groups[source].pods.count > 1 {
                    union = union.union(allowed[classes.classOfGroup[source] * classes.count + classes.classOfGroup[destination]] ?? .none)
                }
            }
            return union.isEmpty ? nil : union
        }
        self.classOfNamespace = classOfNamespace
        self.members = members
        self.outgoing = outgoing
        self.incoming = incoming
    }

    /// How many classes the namespaces fall in.
    var classCount: Int { members.count }

    /// Every ordered pair of namespaces (a namespace with itself included) in which some pod may
    /// connect to some pod, sorted: quadratic in the namespaces that reach each other.
    public var flows: [NamespaceFlow] {
        names.indices.flatMap { position in
            peers(of: position, outgoing).map { NamespaceFlow(from: names[position], to: names[$0.peer], connections: $0.connections) }
        }
    }

    /// The flows from `namespace` (its flow with itself included), sorted.
    public func flows(from namespace: String) -> [NamespaceFlow] {
        guard let position = positionOfName[namespace] else { return [] }
        return peers(of: position, outgoing).map { NamespaceFlow(from: namespace, to: names[$0.peer], connections: $0.connections) }
    }

    /// The position of `namespace` in `names`; nil when it has no pods.
    public func position(of namespace: String) -> Int? {
        positionOfName[namespace]
    }

    /// Calls `body` with the position of every other namespace that the namespace at `position`
    /// connects to (`outgoing`) or that connects to it, and the connections, in no particular order:
    /// what `flows(from:)` lists, without a flow made for each of a namespace open to thousands.
    public func forEachPeer(of position: Int, outgoing: Bool, _ body: (_ peer: Int, _ connections: ConnectionSet) -> Void) {
        for flow in (outgoing ? self.outgoing : incoming)[classOfNamespace[position]] {
            for peer in members[flow.peer] where peer != position { body(peer, flow.connections) }
        }
    }

    /// The namespaces that `position` reaches (`outgoing`) or that reach it (`incoming`), itself
    /// included when its pods reach each other, by increasing position.
    private func peers(of position: Int, _ flows: [[ClassFlow]]) -> [ClassFlow] {
        var peers: [ClassFlow] = []
        for flow in flows[classOfNamespace[position]] {
            for peer in members[flow.peer] where peer != position {
                peers.append(ClassFlow(peer: peer, connections: flow.connections))
            }
        }
        if let own = within[position] { peers.append(ClassFlow(peer: position, connections: own)) }
        return peers.sorted { $0.peer < $1.peer }
    }
}

extension NetworkAnalysis {
    /// Namespace-to-namespace reachability, kept per class of namespaces that reach alike.
    public func reachabilityByNamespace() -> NamespaceReachability {
        NamespaceReachability(self)
    }
}
