/// One end of a connection: a pod group of the analysis, or an address outside the cluster.
enum GroupEndpoint {
    case group(Int)
    case external(IPAddress)
}

extension NetworkAnalysis {
    /// Calls `body` with every rule that applies to `subject` in `direction` whose peers match `peer`
    /// (ingress: peer → subject; egress: subject → peer), and the connections it matches, named ports
    /// resolved at the destination, whatever rules of higher precedence decide.
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

    /// The connections from group `source` to group `destination`: egress of the source AND
    /// ingress of the destination; unknown where either side cannot be decided and neither denies.
    func outcome(fromGroup source: Int, toGroup destination: Int) -> SideOutcome {
        let egress = resolve(.egress, subject: source, peer: .group(destination))
        if egress.allowed.isEmpty && egress.unknown.isEmpty { return SideOutcome() }
        let ingress = resolve(.ingress, subject: destination, peer: .group(source))
        let allowed = egress.allowed.intersection(ingress.allowed)
        let open = egress.allowed.union(egress.unknown).intersection(ingress.allowed.union(ingress.unknown))
        return SideOutcome(allowed: allowed, unknown: open.subtracting(allowed))
    }

    /// The connections allowed from group `source` to group `destination`.
    func connections(fromGroup source: Int, toGroup destination: Int) -> ConnectionSet {
        outcome(fromGroup: source, toGroup: destination).allowed
    }

    /// The connections from pod `source` to pod `destination` (indices into `pods`).
    public func connections(from source: Int, to destination: Int) -> ConnectionSet {
        connections(fromGroup: groupOfPod[source], toGroup: groupOfPod[destination])
    }

    /// True when a connection from pod `source` to pod `destination` on (`proto`, `port`) is allowed.
    public func isAllowed(from source: Int, to destination: Int, proto: NetworkProtocol, port: Int) -> Bool {
        connections(from: source, to: destination).contains(proto, port)
    }

    /// Classes that may have any connection to class `index` in `direction`, judged by peers only (a
    /// superset of the real peers): those of allow and pass rules when the class is isolated, else every class.
    func candidatePeers(ofClass index: Int, _ direction: TrafficDirection) -> GroupSet {
        let group = classes.representative(index)
        guard isIsolated(group, direction) else { return .full(capacity: classes.count) }
        var set = GroupSet(capacity: groups.count)
        for ruleIndex in groups[group].rules[direction] ?? [] where rules[ruleIndex].rule.action != .deny {
            guard let peers = rules[ruleIndex].peerGroups else { return .full(capacity: classes.count) }
            set.formUnion(peers)
        }
        return classes.classes(of: set)
    }

    /// Calls `body` with every ordered pair of group classes (distinct or not) that has a connection
    /// allowed or undecided, and the outcome, which every pair of their groups shares. Pairs are
    /// pruned by peers on both sides first, so isolated clusters cost little.
    func forEachConnectedClassPair(_ body: (Int, Int, SideOutcome) -> Void) {
        // admittedBy[s]: the destination classes whose ingress peers may include s.
        var admittedBy = Array(repeating: GroupSet(capacity: classes.count), count: classes.count)
        for destination in 0..<classes.count {
            candidatePeers(ofClass: destination, .ingress).forEach { admittedBy[$0].insert(destination) }
        }
        for source in 0..<classes.count {
            candidatePeers(ofClass: source, .egress).intersection(admittedBy[source]).forEach { destination in
                let outcome = outcome(fromGroup: classes.representative(source), toGroup: classes.representative(destination))
                if !outcome.allowed.isEmpty || !outcome.unknown.isEmpty { body(source, destination, outcome) }
            }
        }
    }

    /// Calls `body` with every ordered pair of groups (distinct or not) that has a connection allowed
    /// or undecided, and the outcome (worked out once per pair of classes).
    func forEachConnectedGroupPair(_ body: (Int, Int, SideOutcome) -> Void) {
        forEachConnectedClassPair { sources, destinations, outcome in
            for source in classes.members[sources] {
                for destination in classes.members[destinations] { body(source, destination, outcome) }
            }
        }
    }

    /// What `group` allows in `direction` with addresses outside the cluster, as disjoint
    /// (addresses, connections) entries.
    func externalEntries(of group: Int, _ direction: TrafficDirection) -> [(addresses: IPRangeSet, connections: ConnectionSet)] {
        externalOutcomes(of: group, direction).compactMap { $0.outcome.allowed.isEmpty ? nil : ($0.addresses, $0.outcome.allowed) }
    }

    /// The outcome of `direction` for `group` with addresses outside the cluster: the address space
    /// is cut at every range a rule names, and each piece decided through the tiers.
    func externalOutcomes(of group: Int, _ direction: TrafficDirection) -> [(addresses: IPRangeSet, outcome: SideOutcome)] {
        let indices = groups[group].rules[direction] ?? []
        guard !indices.isEmpty || isIsolated(group, direction) else { return [(.everything, SideOutcome(allowed: .all))] }
        var cuts: [IPAddress.Family: Set<IPAddress>] = [:]
        for family in IPAddress.Family.allCases { cuts[family] = [.first(family)] }
        for index in indices {
            for range in rules[index].externalAddresses.ranges {
                cuts[range.family, default: []].insert(range.first)
                if let next = range.last.successor { cuts[range.family, default: []].insert(next) }
            }
        }
        var entries: [(addresses: IPRangeSet, outcome: SideOutcome)] = []
        for family in IPAddress.Family.allCases {
            let starts = (cuts[family] ?? []).sorted()
            for (position, start) in starts.enumerated() {
                let end = position + 1 < starts.count ? starts[position + 1].predecessor ?? start : .last(family)
                let outcome = resolve(direction, subject: group, peer: .external(start))
                if !outcome.allowed.isEmpty || !outcome.unknown.isEmpty {
                    entries.append((IPRangeSet([IPRange(first: start, last: end)]), outcome))
                }
            }
        }
        return entries
    }
}

extension NetworkAnalysis {
    /// Everything allowed from pod `source` to pod `destination`, and everything Rampart cannot decide
    /// (`decide` says why); every other connection is denied.
    public func outcome(from source: Int, to destination: Int) -> (allowed: ConnectionSet, unknown: ConnectionSet) {
        let outcome = outcome(fromGroup: groupOfPod[source], toGroup: groupOfPod[destination])
        return (outcome.allowed, outcome.unknown)
    }
}
