import RampartModel

/// Cilium endpoint selectors as pod and namespace label selectors. Keys may carry a label source
/// (`k8s:`, `any:`); `io.kubernetes.pod.namespace` names the namespace and
/// `io.cilium.k8s.namespace.labels.KEY` a namespace label.
enum CiliumSelector {
    private static let namespaceKey = "io.kubernetes.pod.namespace"
    private static let namespaceLabelPrefix = "io.cilium.k8s.namespace.labels."

    /// The pods an endpoint selector matches. In a namespaced policy (`namespace` given), a selector
    /// that names no namespace matches pods of that namespace only (a subject, `always`: whatever it
    /// names); in a clusterwide one, pods of every namespace.
    static func pods(_ node: Node, namespace: String?, always: Bool = false, notes: inout [String]) -> PeerMatcher {
        let selector = LabelSelector(node)
        var pods: [LabelSelector.Requirement] = []
        var namespaces: [LabelSelector.Requirement] = []
        let requirements = selector.matchLabels.sorted { $0.key < $1.key }
            .map { LabelSelector.Requirement(key: $0.key, op: .in, values: [$0.value]) } + selector.requirements
        for requirement in requirements {
            var key = requirement.key
            for source in ["k8s:", "any:"] where key.hasPrefix(source) { key.removeFirst(source.count) }
            if key.hasPrefix("reserved:") {
                return .unknownAddresses("the reserved label '\(key)' names a Cilium entity, not pods")
            }
            if key == namespaceKey {
                namespaces.append(.init(key: "kubernetes.io/metadata.name", op: requirement.op, values: requirement.values))
            } else if key.hasPrefix(namespaceLabelPrefix) {
                namespaces.append(.init(key: String(key.dropFirst(namespaceLabelPrefix.count)), op: requirement.op, values: requirement.values))
            } else if key == "io.cilium.k8s.policy.cluster" {
                notes.append("selector key '\(key)': the inputs are taken as one cluster, so it is ignored")
            } else {
                pods.append(.init(key: key, op: requirement.op, values: requirement.values))
            }
        }
        let podSelector = LabelSelector(requirements: pods)
        if let namespace, always || namespaces.isEmpty {
            namespaces.append(.init(key: "kubernetes.io/metadata.name", op: .in, values: [namespace]))
        }
        return namespaces.isEmpty ? .podsInNamespaces(pods: podSelector, namespaces: LabelSelector())
            : .podsInNamespaces(pods: podSelector, namespaces: LabelSelector(requirements: namespaces))
    }

    /// The peers of a Cilium entity name; `kube-apiserver` stands for the API server's addresses
    /// `apiServer` (unknown when the inputs do not tell them).
    static func entity(_ name: String, apiServer: [IPAddress]) -> [PeerMatcher] {
        switch name {
        case "kube-apiserver" where !apiServer.isEmpty:
            return apiServer.map { PolicyCompiler.ipBlock(cidr: "\($0)/\($0.family.bits)", except: [], matchesPods: false) }
        case "kube-apiserver":
            return [.unknownAddresses("the 'kube-apiserver' entity stands for the API server's addresses, which are not among the inputs")]
        case "all": return [.namespaces(LabelSelector())] + world
        case "world", "world-ipv4", "world-ipv6": return world
        case "cluster": return [.namespaces(LabelSelector()), .unknownAddresses("the cluster entity also covers nodes, whose addresses Rampart does not model")]
        default: return [.unknownAddresses("the '\(name)' entity stands for addresses Rampart does not model")]
        }
    }

    /// Every address outside the cluster (Cilium's `world`): pods never match it.
    private static let world: [PeerMatcher] = IPAddress.Family.allCases.map { family in
        .ipBlock(IPBlock(cidr: family == .v4 ? "0.0.0.0/0" : "::/0", except: [], addresses: IPRangeSet([.all(family)]), matchesPods: false))
    }
}
