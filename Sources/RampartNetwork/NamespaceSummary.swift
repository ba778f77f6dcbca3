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
        reachabilityByNamespace().flows
    }

    /// Connections between workloads of different namespaces, sorted.
    public func crossNamespaceFlows() -> [ListedConnection] {
        connectionList().filter { connection in
            guard case .workload(let from) = connection.from, case .workload(let to) = connection.to else { return false }
            return from.namespace != to.namespace
        }
    }
}
