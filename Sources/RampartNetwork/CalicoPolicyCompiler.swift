import RampartModel

/// `projectcalico.org/v3` NetworkPolicy (namespaced) in the application tier, ordered by `order`.
enum CalicoNetworkPolicyCompiler: PolicyKindCompiler {
    static let group = "projectcalico.org"
    static let kind = "NetworkPolicy"

    static func compile(_ object: KubeObject) -> [CompiledPolicy] {
        compile(object, context: CompileContext())
    }

    static func compile(_ object: KubeObject, context: CompileContext) -> [CompiledPolicy] {
        [CalicoPolicy.compile(object, namespace: object.namespace ?? "default", labels: context.labels)]
    }
}

/// `projectcalico.org/v3` GlobalNetworkPolicy: the same rules over every namespace (`namespaceSelector`).
enum CalicoGlobalNetworkPolicyCompiler: PolicyKindCompiler {
    static let group = "projectcalico.org"
    static let kind = "GlobalNetworkPolicy"

    static func compile(_ object: KubeObject) -> [CompiledPolicy] {
        compile(object, context: CompileContext())
    }

    static func compile(_ object: KubeObject, context: CompileContext) -> [CompiledPolicy] {
        [CalicoPolicy.compile(object, namespace: nil, labels: context.labels)]
    }
}

/// Calico NetworkPolicy as Calico's datastore keeps it (`crd.projectcalico.org/v1`, the form cluster
/// dumps of the CRDs hold): the same spec.
enum CalicoStoredNetworkPolicyCompiler: PolicyKindCompiler {
    static let group = "crd.projectcalico.org"
    static let kind = "NetworkPolicy"

    static func compile(_ object: KubeObject) -> [CompiledPolicy] {
        CalicoNetworkPolicyCompiler.compile(object)
    }

    static func compile(_ object: KubeObject, context: CompileContext) -> [CompiledPolicy] {
        CalicoNetworkPolicyCompiler.compile(object, context: context)
    }
}

/// Calico GlobalNetworkPolicy as Calico's datastore keeps it (`crd.projectcalico.org/v1`).
enum CalicoStoredGlobalNetworkPolicyCompiler: PolicyKindCompiler {
    static let group = "crd.projectcalico.org"
    static let kind = "GlobalNetworkPolicy"

    static func compile(_ object: KubeObject) -> [CompiledPolicy] {
        CalicoGlobalNetworkPolicyCompiler.compile(object)
    }

    static func compile(_ object: KubeObject, context: CompileContext) -> [CompiledPolicy] {
        CalicoGlobalNetworkPolicyCompiler.compile(object, context: context)
    }
}

/// What the two Calico kinds share. Policies run by ascending `order` (none: last), Kubernetes
/// NetworkPolicies among them at order 1000; rules in order, the first match decides (Allow, Deny,
/// Pass to the next tier; Log records and goes on). A selected pod is isolated in its `types`.
enum CalicoPolicy {
    static func compile(_ object: KubeObject, namespace: String?, labels: LabelVocabulary) -> CompiledPolicy {
        let spec = object.root["spec"]
        var parser = SelectorReader(labels: labels)
        var notes: [String] = []
        var problems: [String] = []
        if let tier = spec?["tier"]?.string, tier != "default" {
            notes.append("tier '\(tier)': Rampart does not read tier order and evaluates the policy with the default tier")
        }
        let namespaces = parser.namespaceSelectors(spec?["namespaceSelector"]?.string, global: namespace == nil)
        let subject = parser.peers(selector: spec?["selector"]?.string ?? "all()", namespaces: namespaces, namespace: namespace)
        var rules: [TrafficDirection: [PolicyRule]] = [:]
        for direction in TrafficDirection.allCases {
            rules[direction] = (spec?[direction.field]?.items ?? []).enumerated().compactMap { index, node -> PolicyRule? in
                rule(node, direction, index: index, namespace: namespace, parser: &parser, notes: &notes, problems: &problems)
            }
        }
        problems += parser.problems
        var directions = Set((spec?["types"]?.items ?? []).compactMap { type in
            TrafficDirection.allCases.first { $0.policyType == type.string }
        })
        if spec?["types"] == nil {
            directions = spec?["egress"] != nil ? [.ingress, .egress] : [.ingress]
        }
        let order = spec?["order"]?.string.flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil } ?? .infinity
        return CompiledPolicy(object: object, namespace: namespace ?? "", name: object.name, precedence: order,
                              subject: subject, directions: directions, ingress: rules[.ingress] ?? [], egress: rules[.egress] ?? [],
                              notes: notes, problems: problems)
    }

    private static func rule(_ node: Node, _ direction: TrafficDirection, index: Int, namespace: String?,
                             parser: inout SelectorReader, notes: inout [String], problems: inout [String]) -> PolicyRule? {
        let place = "\(direction.field)[\(index)]"
        let action: RuleAction
        switch node["action"]?.string {
        case "Allow": action = .allow
        case "Deny": action = .deny
        case "Pass": action = .pass
        case "Log": return nil
        case let other:
            problems.append("\(place): unknown action '\(other ?? "")': the rule is left out")
            return nil
        }
        let peerNode = direction == .ingress ? node["source"] : node["destination"]
        var peers = parser.peer(peerNode, namespace: namespace)
        for field in ["notNets", "notSelector", "serviceAccounts", "services"] where peerNode?[field] != nil {
            notes.append("\(place): \(field) is not modelled: traffic the rule may match gets an unknown verdict")
            peers = [.unknownAddresses("\(place) uses \(field), which Rampart does not model")]
        }
        let subjectSide = direction == .ingress ? node["destination"] : node["source"]
        for field in ["selector", "namespaceSelector", "nets", "notNets", "serviceAccounts"] where subjectSide?[field] != nil {
            notes.append("\(place): a \(field) that narrows the selected pods is not modelled: it is ignored")
        }
        if node["destination"]?["notPorts"] != nil || node["source"]?["ports"] != nil || node["notProtocol"] != nil || node["http"] != nil {
            notes.append("\(place): notPorts, source ports, notProtocol and http matches are not modelled: they are ignored")
        }
        let ports = self.ports(protocolName: node["protocol"]?.string, node["destination"]?["ports"]?.items ?? [])
        let rule = PolicyRule(direction: direction, index: index, peers: peers, ports: ports, action: action)
        problems += PolicyCompiler.problems(of: rule, at: place)
        return rule
    }

    /// `protocol` (TCP, UDP, SCTP or their numbers; others such as ICMP match none of them) and
    /// `destination.ports` (numbers, `first:last` ranges, names).
    private static func ports(protocolName: String?, _ entries: [Node]) -> [PortMatcher] {
        let numbers = ["6": "TCP", "17": "UDP", "132": "SCTP"]
        guard let protocolName else {
            return entries.isEmpty ? [] : [.invalid("ports need a protocol")]
        }
        guard let proto = NetworkProtocol(name: numbers[protocolName] ?? protocolName) else {
            return [.otherProtocol(protocolName)]
        }
        guard !entries.isEmpty else { return [.allPorts(proto)] }
        return entries.map { entry in
            if let number = entry.int { return PolicyCompiler.portRange(proto, number) }
            let text = entry.string ?? ""
            let bounds = text.split(separator: ":", omittingEmptySubsequences: false)
            if bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]) {
                return PolicyCompiler.portRange(proto, first, last)
            }
            return PolicyCompiler.portName(proto, text)
        }
    }
}

/// Reads Calico selectors with the label values of the inputs at hand, and keeps what it cannot read.
struct SelectorReader {
    let labels: LabelVocabulary
    private(set) var problems: [String] = []

    init(labels: LabelVocabulary) {
        self.labels = labels
    }

    /// A rule's `source` or `destination` peer: nil (every peer) when it names none.
    mutating func peer(_ node: Node?, namespace: String?) -> [PeerMatcher]? {
        let selector = node?["selector"]?.string
        let namespaceSelector = node?["namespaceSelector"]?.string
        let nets = (node?["nets"]?.items ?? []).map { PolicyCompiler.ipBlock(cidr: $0.string, except: []) }
        if selector == nil, namespaceSelector == nil { return nets.isEmpty ? nil : nets }
        guard nets.isEmpty else {
            return [.unknownAddresses("nets together with selectors (both must match) is not modelled")]
        }
        let namespaces = namespaceSelectors(namespaceSelector, global: namespace == nil)
        return peers(selector: selector ?? "all()", namespaces: namespaces, namespace: namespace)
    }

    /// Pods that match `selector` in the namespaces of `namespaces` (nil: the policy's own namespace,
    /// or every namespace for a global policy).
    mutating func peers(selector: String, namespaces: [LabelSelector]?, namespace: String?) -> [PeerMatcher] {
        let pods: [LabelSelector]
        do {
            pods = try CalicoSelector.parse(selector, labels: labels)
        } catch {
            problems.append("selector '\(selector)': \(error.reason)")
            return [.invalid(error.reason)]
        }
        if let namespaces {
            return namespaces.flatMap { space in pods.map { PeerMatcher.podsInNamespaces(pods: $0, namespaces: space) } }
        }
        return pods.map { PeerMatcher.pods($0, namespace: namespace ?? "") }
    }

    /// A `namespaceSelector` as namespace label selectors (`projectcalico.org/name` is the namespace's
    /// name); nil when none is given to a namespaced policy, every namespace when none is given to a global one.
    mutating func namespaceSelectors(_ text: String?, global: Bool) -> [LabelSelector]? {
        guard let text else { return global ? [LabelSelector()] : nil }
        do {
            return try CalicoSelector.parse(text, labels: labels).map { selector in
                LabelSelector(matchLabels: selector.matchLabels, requirements: selector.requirements.map { requirement in
                    requirement.key == "projectcalico.org/name"
                        ? .init(key: "kubernetes.io/metadata.name", op: requirement.op, values: requirement.values) : requirement
                })
            }
        } catch {
            problems.append("namespaceSelector '\(text)': \(error.reason)")
            return []
        }
    }
}
