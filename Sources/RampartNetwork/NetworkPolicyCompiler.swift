import RampartModel

/// Normalises and compiles `networking.k8s.io/v1` NetworkPolicy objects (application tier, allow rules).
enum NetworkPolicyCompiler: PolicyKindCompiler {
    static let group = "networking.k8s.io"
    static let kind = "NetworkPolicy"

    static func compile(_ object: KubeObject) -> [CompiledPolicy] {
        [policy(object)]
    }

    static func policy(_ object: KubeObject) -> CompiledPolicy {
        let spec = object.root["spec"]
        var notes: [String] = []
        var problems: [String] = []
        let namespace: String
        if let given = object.namespace, !given.isEmpty {
            namespace = given
        } else {
            namespace = "default"
            notes.append("no namespace given: the policy applies in namespace 'default'")
        }
        let podSelector = spec?["podSelector"].map(LabelSelector.init) ?? LabelSelector()
        var ingress: [PolicyRule] = []
        var egress: [PolicyRule] = []
        for direction in TrafficDirection.allCases {
            let rules = (spec?[direction.field]?.items ?? []).enumerated().map { index, node in
                let rule = rule(node, direction: direction, index: index, namespace: namespace)
                problems += PolicyCompiler.problems(of: rule, at: "\(direction.field)[\(index)]")
                return rule
            }
            if direction == .ingress { ingress = rules } else { egress = rules }
        }
        var directions: Set<TrafficDirection> = []
        let types = (spec?["policyTypes"]?.items ?? []).compactMap(\.string)
        if types.isEmpty {
            directions.insert(.ingress)
            if !egress.isEmpty { directions.insert(.egress) }
            notes.append("no policyTypes given: defaulted to \(TrafficDirection.allCases.filter(directions.contains).map(\.policyType).joined(separator: ", ")) as the API server does")
        } else {
            for type in types {
                if let direction = TrafficDirection.allCases.first(where: { $0.policyType == type }) {
                    directions.insert(direction)
                } else {
                    problems.append("unknown policy type '\(type)'")
                }
            }
        }
        return CompiledPolicy(object: object, namespace: namespace, name: object.name, subject: [.pods(podSelector, namespace: namespace)],
                              podSelector: podSelector, directions: directions, ingress: ingress, egress: egress,
                              notes: notes, problems: problems)
    }

    private static func rule(_ node: Node, direction: TrafficDirection, index: Int, namespace: String) -> PolicyRule {
        let peerNodes = node[direction.peersField]?.items ?? []
        let peers = peerNodes.isEmpty ? nil : peerNodes.map { peer($0, namespace: namespace) }
        return PolicyRule(direction: direction, index: index, peers: peers, ports: (node["ports"]?.items ?? []).map(port))
    }

    static func peer(_ node: Node, namespace: String) -> PeerMatcher {
        let pods = node["podSelector"].flatMap { $0.isNull ? nil : LabelSelector($0) }
        let namespaces = node["namespaceSelector"].flatMap { $0.isNull ? nil : LabelSelector($0) }
        if let block = node["ipBlock"], !block.isNull {
            guard pods == nil, namespaces == nil else { return .invalid("a peer with ipBlock may not have selectors") }
            switch PolicyCompiler.ipBlock(cidr: block["cidr"]?.string, except: (block["except"]?.items ?? []).map(\.string)) {
            case .invalid(let reason): return .invalid("ipBlock: \(reason)")
            case let matcher: return matcher
            }
        }
        switch (pods, namespaces) {
        case let (pods?, namespaces?): return .podsInNamespaces(pods: pods, namespaces: namespaces)
        case let (pods?, nil): return .pods(pods, namespace: namespace)
        case let (nil, namespaces?): return .namespaces(namespaces)
        case (nil, nil): return .invalid("a peer must have a podSelector, a namespaceSelector or an ipBlock")
        }
    }

    static func port(_ node: Node) -> PortMatcher {
        let protocolName = node["protocol"]?.string ?? "TCP"
        guard let proto = NetworkProtocol(rawValue: protocolName) else {
            return .invalid("unsupported protocol '\(protocolName)'")
        }
        guard let portNode = node["port"], !portNode.isNull else {
            return node["endPort"].map { $0.isNull } == false ? .invalid("endPort needs a numeric port") : .allPorts(proto)
        }
        if let number = portNode.int {
            guard let endNode = node["endPort"], !endNode.isNull else { return PolicyCompiler.portRange(proto, number) }
            guard let end = endNode.int else { return .invalid("endPort \(endNode.string ?? "") must be a port at or after \(number)") }
            return PolicyCompiler.portRange(proto, number, end)
        }
        if let endNode = node["endPort"], !endNode.isNull { return .invalid("endPort needs a numeric port, not '\(portNode.string ?? "")'") }
        return PolicyCompiler.portName(proto, portNode.string)
    }
}
