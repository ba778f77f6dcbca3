import RampartModel

/// `cilium.io/v2` CiliumNetworkPolicy: namespaced, L3/L4 (application tier beside NetworkPolicy).
enum CiliumNetworkPolicyCompiler: PolicyKindCompiler {
    static let group = "cilium.io"
    static let kind = "CiliumNetworkPolicy"

    static func compile(_ object: KubeObject) -> [CompiledPolicy] {
        compile(object, context: CompileContext())
    }

    static func compile(_ object: KubeObject, context: CompileContext) -> [CompiledPolicy] {
        CiliumPolicy.compile(object, namespace: object.namespace ?? "default", apiServer: context.apiServer)
    }
}

/// `cilium.io/v2` CiliumClusterwideNetworkPolicy: the same rules over every namespace.
enum CiliumClusterwideNetworkPolicyCompiler: PolicyKindCompiler {
    static let group = "cilium.io"
    static let kind = "CiliumClusterwideNetworkPolicy"

    static func compile(_ object: KubeObject) -> [CompiledPolicy] {
        compile(object, context: CompileContext())
    }

    static func compile(_ object: KubeObject, context: CompileContext) -> [CompiledPolicy] {
        CiliumPolicy.compile(object, namespace: nil, apiServer: context.apiServer)
    }
}

/// What the two Cilium kinds share: each rule of `spec` and `specs` becomes one policy. Allow rules
/// and deny rules (`ingressDeny`, `egressDeny`, evaluated first: deny wins) share the application tier
/// with NetworkPolicy; a direction with rules isolates the selected pods unless `enableDefaultDeny` says not.
enum CiliumPolicy {
    /// `apiServer`: the API server's addresses, for the `kube-apiserver` entity.
    static func compile(_ object: KubeObject, namespace: String?, apiServer: [IPAddress]) -> [CompiledPolicy] {
        var specs: [(node: Node, path: FieldPath)] = []
        if let spec = object.root["spec"], !spec.isNull { specs.append((spec, "spec")) }
        for (index, spec) in (object.root["specs"]?.items ?? []).enumerated() {
            specs.append((spec, FieldPath("specs").appending(index: index)))
        }
        return specs.map { policy(object, spec: $0.node, path: $0.path, namespace: namespace, apiServer: apiServer) }
    }

    private static func policy(_ object: KubeObject, spec: Node, path: FieldPath, namespace: String?, apiServer: [IPAddress]) -> CompiledPolicy {
        var notes: [String] = []
        var subject: [PeerMatcher] = []
        if let selector = spec["endpointSelector"], !selector.isNull {
            subject = [CiliumSelector.pods(selector, namespace: namespace, always: true, notes: &notes)]
        } else {
            notes.append("no endpointSelector (a host policy's nodeSelector selects nodes): no pod is selected")
        }
        var rules: [TrafficDirection: [PolicyRule]] = [:]
        var problems: [String] = []
        var directions: Set<TrafficDirection> = []
        for direction in TrafficDirection.allCases {
            let allow = spec[direction.field]?.items ?? []
            let deny = spec[direction.field + "Deny"]?.items ?? []
            var list: [PolicyRule] = []
            for (index, node) in allow.enumerated() {
                list.append(rule(node, direction, index: list.count, action: .allow, path: path.appending(direction.field).appending(index: index),
                                 name: nil, namespace: namespace, apiServer: apiServer, notes: &notes))
            }
            for (index, node) in deny.enumerated() {
                list.append(rule(node, direction, index: list.count, action: .deny, path: path.appending(direction.field + "Deny").appending(index: index),
                                 name: "\(direction.field)Deny[\(index)]", namespace: namespace, apiServer: apiServer, notes: &notes))
            }
            rules[direction] = list
            for rule in list { problems += PolicyCompiler.problems(of: rule, at: "\(rule.path)") }
            let defaultDeny = spec["enableDefaultDeny"]?[direction.field]?.bool ?? true
            if spec[direction.field] != nil || spec[direction.field + "Deny"] != nil, defaultDeny { directions.insert(direction) }
        }
        return CompiledPolicy(object: object, namespace: namespace ?? "", name: object.name, subject: subject,
                              directions: directions, ingress: rules[.ingress] ?? [], egress: rules[.egress] ?? [],
                              notes: notes, problems: problems)
    }

    private static func rule(_ node: Node, _ direction: TrafficDirection, index: Int, action: RuleAction, path: FieldPath,
                             name: String?, namespace: String?, apiServer: [IPAddress], notes: inout [String]) -> PolicyRule {
        let side = direction == .ingress ? "from" : "to"
        var peers: [PeerMatcher] = []
        var named = false
        for selector in node[side + "Endpoints"]?.items ?? [] {
            named = true
            peers.append(CiliumSelector.pods(selector, namespace: namespace, notes: &notes))
        }
        for cidr in node[side + "CIDR"]?.items ?? [] {
            named = true
            peers.append(PolicyCompiler.ipBlock(cidr: cidr.string, except: [], matchesPods: false))
        }
        for set in node[side + "CIDRSet"]?.items ?? [] {
            named = true
            if let group = set["cidrGroupRef"]?.string {
                peers.append(.unknownAddresses("the CIDR group '\(group)' is not among what Rampart reads"))
            } else {
                peers.append(PolicyCompiler.ipBlock(cidr: set["cidr"]?.string, except: (set["except"]?.items ?? []).map(\.string), matchesPods: false))
            }
        }
        for entity in node[side + "Entities"]?.items ?? [] {
            named = true
            peers += CiliumSelector.entity(entity.string ?? "", apiServer: apiServer)
        }
        for field in ["Services", "FQDNs", "Groups", "Nodes", "Requires"] where node[side + field] != nil {
            named = true
            peers.append(.unknownAddresses("\(side)\(field) peers are not modelled"))
            notes.append("\(path): \(side)\(field) is not modelled: traffic it may match gets an unknown verdict")
        }
        let ports = self.ports(node["toPorts"], at: path, notes: &notes)
        if node["icmps"] != nil { notes.append("\(path): ICMP rules are not modelled (Rampart decides TCP, UDP and SCTP)") }
        // A rule with ports but no peer matches every peer; a rule with neither (`{}`) matches nothing.
        let matchesNothing = !named && ports.isEmpty
        return PolicyRule(direction: direction, index: index, peers: named || matchesNothing ? peers : nil,
                          ports: ports, action: action, name: name, path: path, rank: action == .deny ? -1 : 0)
    }

    /// `toPorts`: each entry's `ports` (`port` a number, `0` or absent for every port, or a name;
    /// `endPort`; `protocol` TCP, UDP, SCTP or ANY). L7 `rules` are noted, not modelled.
    private static func ports(_ node: Node?, at path: FieldPath, notes: inout [String]) -> [PortMatcher] {
        var matchers: [PortMatcher] = []
        for entry in node?.items ?? [] {
            if let rules = entry["rules"], !rules.isNull {
                notes.append("\(path): L7 rules (\(rules.entries.map(\.key).joined(separator: ", "))) are not modelled: the rule is taken at L4")
            }
            let ports = entry["ports"]?.items ?? []
            if ports.isEmpty { return [] }
            for port in ports {
                let name = port["protocol"]?.string?.uppercased() ?? "ANY"
                let protocols = name == "ANY" ? NetworkProtocol.allCases : NetworkProtocol(rawValue: name).map { [$0] } ?? []
                if protocols.isEmpty { matchers.append(.otherProtocol(name)) }
                let text = port["port"]?.string ?? "0"
                for proto in protocols {
                    if let number = Int(text) {
                        matchers.append(number == 0 ? .allPorts(proto) : PolicyCompiler.portRange(proto, number, port["endPort"]?.int))
                    } else {
                        matchers.append(PolicyCompiler.portName(proto, text))
                    }
                }
            }
        }
        return matchers
    }
}
