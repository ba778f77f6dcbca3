/// One end of a listed connection: a workload, or a range of addresses outside the cluster.
public enum ConnectionPeer: Sendable, Hashable, Comparable {
    case workload(WorkloadID)
    case addresses(IPRange)

    public static func < (lhs: ConnectionPeer, rhs: ConnectionPeer) -> Bool {
        switch (lhs, rhs) {
        case let (.addresses(a), .addresses(b)): a < b
        case let (.workload(a), .workload(b)): a < b
        case (.addresses, .workload): true
        case (.workload, .addresses): false
        }
    }

    /// `namespace/name[Kind]` or `FIRST-LAST[External]`, as np-guard writes peers.
    public var text: String {
        switch self {
        case .workload(let workload): workload.description
        case .addresses(let range): "\(range)[External]"
        }
    }

    /// The workload's namespace; nil for outside addresses.
    public var namespace: String? {
        if case .workload(let workload) = self { return workload.namespace }
        return nil
    }
}

/// An allowed connection between two peers, with every protocol and port it may use.
public struct ListedConnection: Sendable, Hashable, Comparable {
    public let from: ConnectionPeer
    public let to: ConnectionPeer
    public let connections: ConnectionSet

    public static func < (lhs: ListedConnection, rhs: ListedConnection) -> Bool {
        (lhs.from, lhs.to) < (rhs.from, rhs.to)
    }

    /// `src => dst : connections`, one line of np-guard's connection list.
    public var text: String { "\(from.text) => \(to.text) : \(connections.text)" }
}

extension NetworkAnalysis {
    /// Every allowed connection between distinct workloads, and between workloads and addresses
    /// outside the cluster, with maximal port ranges; sorted.
    public func connectionList() -> [ListedConnection] {
        listed(\.allowed)
    }

    /// The connections Rampart cannot decide (`decide` says why), listed as `connectionList` lists the allowed ones.
    public func undecidedConnections() -> [ListedConnection] {
        listed(\.unknown)
    }

    /// The allowed connections between workloads and addresses outside the cluster only, sorted:
    /// linear in the number of workloads, unlike the full list.
    public func externalConnections() -> [ListedConnection] {
        externalConnections(workloadsOfGroup, \.allowed).sorted()
    }

    private func listed(_ part: KeyPath<SideOutcome, ConnectionSet>) -> [ListedConnection] {
        var byPair: [WorkloadPair: ConnectionSet] = [:]
        let workloadsOfGroup = self.workloadsOfGroup
        forEachConnectedGroupPair { source, destination, outcome in
            let connections = outcome[keyPath: part]
            guard !connections.isEmpty else { return }
            for from in workloadsOfGroup[source] {
                for to in workloadsOfGroup[destination] where from != to {
                    byPair[WorkloadPair(from: from, to: to), default: .none] = byPair[WorkloadPair(from: from, to: to), default: .none].union(connections)
                }
            }
        }
        let list = byPair.map { ListedConnection(from: .workload($0.key.from), to: .workload($0.key.to), connections: $0.value) }
        return (list + externalConnections(workloadsOfGroup, part)).sorted()
    }

    private var workloadsOfGroup: [[WorkloadID]] {
        groups.map { group in Set(group.pods.map { pods[$0].workload }).sorted() }
    }

    private func externalConnections(_ workloadsOfGroup: [[WorkloadID]], _ part: KeyPath<SideOutcome, ConnectionSet>) -> [ListedConnection] {
        var list: [ListedConnection] = []
        for (workload, groupIndices) in groupsByWorkload(workloadsOfGroup) {
            for direction in TrafficDirection.allCases {
                let entries = groupIndices.flatMap { externalOutcomes(of: $0, direction) }.map { ($0.addresses, $0.outcome[keyPath: part]) }
                for piece in AddressMap(entries).pieces {
                    let (from, to): (ConnectionPeer, ConnectionPeer) = direction == .ingress
                        ? (.addresses(piece.range), .workload(workload)) : (.workload(workload), .addresses(piece.range))
                    list.append(ListedConnection(from: from, to: to, connections: piece.connections))
                }
            }
        }
        return list
    }

    private func groupsByWorkload(_ workloadsOfGroup: [[WorkloadID]]) -> [WorkloadID: [Int]] {
        var result: [WorkloadID: [Int]] = [:]
        for (group, workloads) in workloadsOfGroup.enumerated() {
            for workload in workloads { result[workload, default: []].append(group) }
        }
        return result
    }
}

/// An ordered pair of workloads.
private struct WorkloadPair: Hashable {
    let from: WorkloadID
    let to: WorkloadID
}
