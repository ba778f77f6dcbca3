import RampartModel

/// Normalises and compiles `networking.k8s.io/v1` NetworkPolicy objects. Invalid parts become
/// matchers that match nothing plus a problem on the policy, never a crash.
public enum PolicyCompiler {
    /// Every NetworkPolicy of the inventory, compiled, in input order.
    public static func compile(_ inventory: Inventory) -> [CompiledPolicy] {
        inventory.objects(ofKind: "NetworkPolicy", group: "networking.k8s.io").map(compile)
    }

    public static func compile(_ object: KubeObject) -> CompiledPolicy {
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
                rule(node, direction: direction, index: index, namespace: namespace, problems: &problems)
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
        return CompiledPolicy(object: object, namespace: namespace, name: object.name, podSelector: podSelector,
                              directions: directions, ingress: ingress, egress: egress, notes: notes, problems: problems)
    }

    private static func rule(_ node: Node, direction: TrafficDirection, index: Int, namespace: String,
                             problems: inout [String]) -> PolicyRule {
        let where_ = "\(direction.field)[\(index)]"
        let peerNodes = node[direction.peersField]?.items ?? []
        let peers = peerNodes.isEmpty ? nil : peerNodes.map { peer($0, namespace: namespace) }
        for case .invalid(let reason) in peers ?? [] { problems.append("\(where_): \(reason)") }
        let ports = (node["ports"]?.items ?? []).map(port)
        for case .invalid(let reason) in ports { problems.append("\(where_): \(reason)") }
        return PolicyRule(direction: direction, index: index, peers: peers, ports: ports)
    }

    static func peer(_ node: Node, namespace: String) -> PeerMatcher {
        let pods = node["podSelector"].flatMap { $0.isNull ? nil : LabelSelector($0) }
        let namespaces = node["namespaceSelector"].flatMap { $0.isNull ? nil : LabelSelector($0) }
        if let block = node["ipBlock"], !block.isNull {
            guard pods == nil, namespaces == nil else { return .invalid("a peer with ipBlock may not have selectors") }
            return ipBlock(block)
        }
        switch (pods, namespaces) {
        case let (pods?, namespaces?): return .podsInNamespaces(pods: pods, namespaces: namespaces)
        case let (pods?, nil): return .pods(pods, namespace: namespace)
        case let (nil, namespaces?): return .namespaces(namespaces)
        case (nil, nil): return .invalid("a peer must have a podSelector, a namespaceSelector or an ipBlock")
        }
    }

    private static func ipBlock(_ node: Node) -> PeerMatcher {
        guard let cidr = node["cidr"]?.string, let range = IPRange(cidr: cidr) else {
            return .invalid("ipBlock.cidr '\(node["cidr"]?.string ?? "")' is not a CIDR")
        }
        var except: [String] = []
        var cuts: [IPRange] = []
        for item in node["except"]?.items ?? [] {
            guard let text = item.string, let cut = IPRange(cidr: text) else {
                return .invalid("ipBlock.except '\(item.string ?? "")' is not a CIDR")
            }
            except.append(text)
            cuts.append(cut)
        }
        let addresses = IPRangeSet([range]).subtracting(IPRangeSet(cuts))
        return .ipBlock(IPBlock(cidr: cidr, except: except, addresses: addresses))
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
            guard (1...65535).contains(number) else { return .invalid("port \(number) is out of range") }
            guard let endNode = node["endPort"], !endNode.isNull else { return .range(proto, PortRange(from: number, to: number)) }
            guard let end = endNode.int, (number...65535).contains(end) else {
                return .invalid("endPort \(endNode.string ?? "") must be a port at or after \(number)")
            }
            return .range(proto, PortRange(from: number, to: end))
        }
        guard let name = portNode.string, !name.isEmpty, name.count <= 15, name.contains(where: \.isLetter) else {
            return .invalid("port '\(portNode.string ?? "")' is neither a number nor a port name")
        }
        if let endNode = node["endPort"], !endNode.isNull { return .invalid("endPort needs a numeric port, not '\(name)'") }
        return .named(proto, name)
    }
}
