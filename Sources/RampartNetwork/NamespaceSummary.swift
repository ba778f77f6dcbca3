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
        var flows: [NamespacePair: ConnectionSet] = [:]
        let settled = { (source: Int, destination: Int) -> Bool in
            flows[NamespacePair(from: self.groups[source].namespace, to: self.groups[destination].namespace)]?.isAll ?? false
        }
        forEachConnectedGroupPair(settled: settled) { source, destination, outcome in
            let connections = outcome.allowed
            guard !connections.isEmpty, source != destination || groups[source].pods.count > 1 else { return }
            let pair = NamespacePair(from: groups[source].namespace, to: groups[destination].namespace)
            flows[pair] = flows[pair, default: .none].union(connections)
        }
        return flows.map { NamespaceFlow(from: $0.key.from, to: $0.key.to, connections: $0.value) }.sorted()
    }

    /// Connections between workloads of different namespaces, sorted.
    public func crossNamespaceFlows() -> [ListedConnection] {
        connectionList().filter { connection in
            guard case .workload(let from) = connection.from, case .workload(let to) = connection.to else { return false }
            return from.namespace != to.namespace
        }
    }
}

private struct NamespacePair: Hashable {
    let from: String
    let to: String
}
