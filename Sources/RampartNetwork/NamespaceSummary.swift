/// What pods of one namespace may open towards pods of another (or the same) namespace.
public struct NamespaceFlow: Sendable, Hashable, Comparable {
    public let from: String
    public let to: String
    /// The union of the connections of every pod pair.
    public let connections: ConnectionSet

    public static func < (lhs: NamespaceFlow, rhs: NamespaceFlow) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
}

extension NetworkAnalysis {
    /// Namespace-to-namespace reachability: every ordered namespace pair (a namespace with itself
    /// included) in which some pod may connect to some pod, sorted. Pairs of one pod with itself count
    /// only when the pod's group holds another pod.
    public func namespaceReachability() -> [NamespaceFlow] {
        let names = Array(Set(groups.map(\.namespace))).sorted()
        let indexOfName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let namespaceOfGroup = groups.map { indexOfName[$0.namespace] ?? 0 }
        // Flows by packed namespace pair (from * count + to); `full` marks pairs already fully connected.
        var flows: [Int: ConnectionSet] = [:]
        var full = Set<Int>()
        let key = { (source: Int, destination: Int) in namespaceOfGroup[source] * names.count + namespaceOfGroup[destination] }
        forEachConnectedGroupPair(settled: { full.contains(key($0, $1)) }) { source, destination, outcome in
            let connections = outcome.allowed
            guard !connections.isEmpty, source != destination || groups[source].pods.count > 1 else { return }
            let pair = key(source, destination)
            let union = flows[pair, default: .none].union(connections)
            flows[pair] = union
            if union.isAll { full.insert(pair) }
        }
        return flows.map { pair, connections in
            NamespaceFlow(from: names[pair / names.count], to: names[pair % names.count], connections: connections)
        }.sorted()
    }

    /// Connections between workloads of different namespaces, sorted.
    public func crossNamespaceFlows() -> [ListedConnection] {
        connectionList().filter { connection in
            guard case .workload(let from) = connection.from, case .workload(let to) = connection.to else { return false }
            return from.namespace != to.namespace
        }
    }
}
