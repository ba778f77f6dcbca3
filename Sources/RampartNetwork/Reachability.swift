/// One end of a connection: a pod group of the analysis, or an address outside the cluster.
enum GroupEndpoint {
    case group(Int)
    case external(IPAddress)
}

extension NetworkAnalysis {
    /// Calls `body` with every rule of the policies selecting `subject` in `direction` whose peers
    /// match `peer` (ingress: peer → subject; egress: subject → peer), and the connections it allows,
    /// named ports resolved at the destination.
    func forEachMatchingRule(_ direction: TrafficDirection, subject: Int, peer: GroupEndpoint,
                             _ body: (IndexedRule, ConnectionSet) -> Void) {
        for ruleIndex in groups[subject].rules[direction] ?? [] {
            let rule = rules[ruleIndex]
            let destination: Int?
            switch peer {
            case .group(let group):
                guard rule.peerGroups?.contains(group) ?? true else { continue }
                destination = direction == .ingress ? subject : group
            case .external(let address):
                guard rule.externalAddresses.contains(address) else { continue }
                destination = direction == .ingress ? subject : nil
            }
            body(rule, connections(of: rule, at: destination))
        }
    }

    /// What `direction`'s policies of `subject` allow towards `peer`: everything when none selects it.
    func allowed(_ direction: TrafficDirection, subject: Int, peer: GroupEndpoint) -> ConnectionSet {
        guard isIsolated(subject, direction) else { return .all }
        var result = ConnectionSet.none
        forEachMatchingRule(direction, subject: subject, peer: peer) { _, connections in
            result = result.union(connections)
        }
        return result
    }

    /// The connections from group `source` to group `destination`: egress of the source AND
    /// ingress of the destination.
    func connections(fromGroup source: Int, toGroup destination: Int) -> ConnectionSet {
        let egress = allowed(.egress, subject: source, peer: .group(destination))
        if egress.isEmpty { return .none }
        return egress.intersection(allowed(.ingress, subject: destination, peer: .group(source)))
    }

    /// The connections from pod `source` to pod `destination` (indices into `pods`).
    public func connections(from source: Int, to destination: Int) -> ConnectionSet {
        connections(fromGroup: groupOfPod[source], toGroup: groupOfPod[destination])
    }

    /// True when a connection from pod `source` to pod `destination` on (`proto`, `port`) is allowed.
    public func isAllowed(from source: Int, to destination: Int, proto: NetworkProtocol, port: Int) -> Bool {
        connections(from: source, to: destination).contains(proto, port)
    }

    /// Groups that may have any connection to `group` in `direction`, judged by peers only
    /// (a superset of the real peers; every group when the group is not isolated that way).
    func candidatePeers(of group: Int, _ direction: TrafficDirection) -> GroupSet {
        guard isIsolated(group, direction) else { return .full(capacity: groups.count) }
        var set = GroupSet(capacity: groups.count)
        for ruleIndex in groups[group].rules[direction] ?? [] {
            guard let peers = rules[ruleIndex].peerGroups else { return .full(capacity: groups.count) }
            set.formUnion(peers)
        }
        return set
    }

    /// Calls `body` with every ordered pair of groups (distinct or not) that has a connection, and
    /// the connections. Pairs are pruned by peers on both sides first, so isolated clusters cost little.
    func forEachConnectedGroupPair(_ body: (Int, Int, ConnectionSet) -> Void) {
        // admittedBy[s]: the destinations whose ingress peers may include s.
        var admittedBy = Array(repeating: GroupSet(capacity: groups.count), count: groups.count)
        for destination in groups.indices {
            candidatePeers(of: destination, .ingress).forEach { admittedBy[$0].insert(destination) }
        }
        for source in groups.indices {
            candidatePeers(of: source, .egress).intersection(admittedBy[source]).forEach { destination in
                let connections = connections(fromGroup: source, toGroup: destination)
                if !connections.isEmpty { body(source, destination, connections) }
            }
        }
    }

    /// What `group` allows in `direction` with addresses outside the cluster, as (addresses, connections) entries.
    func externalEntries(of group: Int, _ direction: TrafficDirection) -> [(addresses: IPRangeSet, connections: ConnectionSet)] {
        guard isIsolated(group, direction) else { return [(.everything, .all)] }
        return (groups[group].rules[direction] ?? []).compactMap { ruleIndex in
            let rule = rules[ruleIndex]
            guard !rule.externalAddresses.isEmpty else { return nil }
            let connections = connections(of: rule, at: direction == .ingress ? group : nil)
            return connections.isEmpty ? nil : (rule.externalAddresses, connections)
        }
    }
}
