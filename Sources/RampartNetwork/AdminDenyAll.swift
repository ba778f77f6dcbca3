import RampartModel

extension NetworkAnalysis {
    /// The admin- and baseline-tier policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy,
    /// ClusterNetworkPolicy) that deny, for every pod of a namespace, all traffic in `direction`
    /// that no rule before them allows or passes: a `Deny` rule on every port whose peers are every
    /// pod of the cluster (and, for egress, every IPv4 address). By namespace.
    ///
    /// Such a policy is the cluster-wide form of a default-deny NetworkPolicy. Ingress from outside
    /// the cluster is not something `v1alpha1` admin ingress peers can name, so it stays with
    /// `netpol.ingress-from-outside`; IPv6 destinations are not required (most admin policies name
    /// `0.0.0.0/0` alone).
    public func adminDenyAllPolicies(_ direction: TrafficDirection) -> [String: [CompiledPolicy]] {
        var policies: [String: [CompiledPolicy]] = [:]
        for policy in allPolicies where policy.tier != .application
            && policy.rules(direction).contains(where: { Self.deniesEverything($0, direction) }) {
            for namespace in namespaceLabels.keys where Self.coversWhole(namespace, labels: namespaceLabels[namespace] ?? [:], policy.subject) {
                policies[namespace, default: []].append(policy)
            }
        }
        return policies
    }

    /// True when `subject` selects every pod, present or future, of `namespace`.
    private static func coversWhole(_ namespace: String, labels: [String: String], _ subject: [PeerMatcher]) -> Bool {
        subject.contains { entry in
            switch entry {
            case .namespaces(let namespaces): namespaces.matches(labels)
            case .podsInNamespaces(let pods, let namespaces): pods.isEmpty && namespaces.matches(labels)
            case .pods(let pods, let own): pods.isEmpty && own == namespace
            case .ipBlock, .nodes, .unknownAddresses, .invalid: false
            }
        }
    }

    /// True for a `Deny` rule on every port whose peers are every pod of the cluster, and for egress
    /// every IPv4 address too.
    private static func deniesEverything(_ rule: PolicyRule, _ direction: TrafficDirection) -> Bool {
        guard rule.action == .deny, rule.ports.isEmpty else { return false }
        guard let peers = rule.peers else { return true }
        let everyPod = peers.contains { peer in
            switch peer {
            case .namespaces(let namespaces): namespaces.isEmpty
            case .podsInNamespaces(let pods, let namespaces): pods.isEmpty && namespaces.isEmpty
            case .ipBlock(let block): block.matchesPods && everyIPv4(block.addresses)
            case .pods, .nodes, .unknownAddresses, .invalid: false
            }
        }
        guard everyPod else { return false }
        guard direction == .egress else { return true }
        let addresses = peers.reduce(IPRangeSet()) { set, peer in
            if case .ipBlock(let block) = peer { return set.union(block.addresses) }
            return set
        }
        return everyIPv4(addresses)
    }

    private static func everyIPv4(_ addresses: IPRangeSet) -> Bool {
        IPRangeSet([IPRange.all(.v4)]).subtracting(addresses).isEmpty
    }
}
