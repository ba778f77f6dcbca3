import RampartModel

/// The parts AdminNetworkPolicy, BaselineAdminNetworkPolicy (`v1alpha1`) and ClusterNetworkPolicy
/// (`v1alpha2`) share: subjects, peers, rule actions and the rule skeleton.
enum AdminPolicyParts {
    /// `subject`: exactly one of `namespaces` (every pod of the matching namespaces) or `pods`
    /// (`namespaceSelector` AND `podSelector`).
    static func subject(_ node: Node?, problems: inout [String]) -> [PeerMatcher] {
        let peer = selection(node)
        if case .invalid(let reason) = peer {
            problems.append("subject: \(reason)")
            return []
        }
        return [peer]
    }

    /// A peer: `namespaces`, `pods`, and for egress `networks`, `nodes` and `domainNames`. Each field
    /// set becomes one matcher (the API server allows exactly one per peer).
    static func peers(_ node: Node, _ direction: TrafficDirection) -> [PeerMatcher] {
        var matchers: [PeerMatcher] = []
        if node["namespaces"] != nil || node["pods"] != nil { matchers.append(selection(node)) }
        if direction == .egress {
            for network in node["networks"]?.items ?? [] {
                matchers.append(PolicyCompiler.ipBlock(cidr: network.string, except: []))
            }
            if let nodes = node["nodes"], !nodes.isNull {
                matchers.append(.nodes(LabelSelector(nodes)))
            }
            if let names = node["domainNames"]?.items, !names.isEmpty {
                let list = names.compactMap(\.string).joined(separator: ", ")
                matchers.append(.unknownAddresses("a domainNames peer (\(list)) matches whatever addresses those names resolve to"))
            }
        }
        return matchers
    }

    /// The pods of a `namespaces` or `pods` selection.
    private static func selection(_ node: Node?) -> PeerMatcher {
        if let namespaces = node?["namespaces"], !namespaces.isNull {
            return .namespaces(LabelSelector(namespaces))
        }
        if let pods = node?["pods"], !pods.isNull {
            return .podsInNamespaces(pods: pods["podSelector"].map(LabelSelector.init) ?? LabelSelector(),
                                     namespaces: pods["namespaceSelector"].map(LabelSelector.init) ?? LabelSelector())
        }
        return .invalid("neither namespaces nor pods is set")
    }

    /// Every rule of one direction. `action` reads a rule's action (nil: not an action of the kind);
    /// `ports` reads its ports (empty: every port).
    static func rules(_ spec: Node?, _ direction: TrafficDirection, problems: inout [String],
                      action: (String) -> RuleAction?, ports: (Node) -> [PortMatcher]) -> [PolicyRule] {
        (spec?[direction.field]?.items ?? []).enumerated().compactMap { index, node -> PolicyRule? in
            let place = "\(direction.field)[\(index)]"
            let name = node["name"]?.string
            guard let given = node["action"]?.string, let action = action(given) else {
                problems.append("\(place): unknown action '\(node["action"]?.string ?? "")': the rule is left out")
                return nil
            }
            var matchers = (node[direction.peersField]?.items ?? []).flatMap { Self.peers($0, direction) }
            var effective = action
            if matchers.isEmpty {
                // Upstream: a peer with no field Rampart knows fails closed (Allow: matches nothing; else: deny all).
                problems.append("\(place): no peer Rampart knows: \(action == .allow ? "the rule matches nothing" : "treated as deny all")")
                matchers = action == .allow ? [.invalid("no known peer")] : []
                if action != .allow { effective = .deny }
            }
            let rule = PolicyRule(direction: direction, index: index, peers: matchers.isEmpty ? nil : matchers,
                                  ports: ports(node), action: effective, name: name)
            problems += PolicyCompiler.problems(of: rule, at: place)
            return rule
        }
    }
}
