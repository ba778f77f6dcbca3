import RampartModel

/// `policy.networking.k8s.io/v1alpha1` AdminNetworkPolicy: admin tier, ordered by `priority`,
/// actions Allow, Deny and Pass, `ports`.
enum AdminNetworkPolicyCompiler: PolicyKindCompiler {
    static let group = "policy.networking.k8s.io"
    static let kind = "AdminNetworkPolicy"

    static func compile(_ object: KubeObject) -> [CompiledPolicy] {
        V1Alpha1Policy.compile(object, tier: .admin, priority: object.root["spec"]?["priority"]?.int, actions: ["Allow", "Deny", "Pass"])
    }
}

/// `policy.networking.k8s.io/v1alpha1` BaselineAdminNetworkPolicy: baseline tier (a singleton named
/// `default`), actions Allow and Deny, `ports`.
enum BaselineAdminNetworkPolicyCompiler: PolicyKindCompiler {
    static let group = "policy.networking.k8s.io"
    static let kind = "BaselineAdminNetworkPolicy"

    static func compile(_ object: KubeObject) -> [CompiledPolicy] {
        V1Alpha1Policy.compile(object, tier: .baseline, priority: 0, actions: ["Allow", "Deny"])
    }
}

/// What the two `v1alpha1` kinds share.
enum V1Alpha1Policy {
    static func compile(_ object: KubeObject, tier: PolicyTier, priority: Int?, actions: Set<String>) -> [CompiledPolicy] {
        let spec = object.root["spec"]
        var problems: [String] = []
        if tier == .baseline, object.name != "default" {
            problems.append("the API server accepts only a BaselineAdminNetworkPolicy named 'default'")
        }
        if priority == nil || !(0...1000).contains(priority ?? 0) {
            problems.append("priority must be a number from 0 to 1000")
        }
        let subject = AdminPolicyParts.subject(spec?["subject"], problems: &problems)
        let rules = TrafficDirection.allCases.map { direction in
            AdminPolicyParts.rules(spec, direction, problems: &problems,
                                   action: { actions.contains($0) ? RuleAction(rawValue: $0) : nil }, ports: ports)
        }
        return [CompiledPolicy(object: object, namespace: "", name: object.name, tier: tier,
                               precedence: Double(priority ?? 1000), tiesAreAmbiguous: true, subject: subject,
                               directions: [], ingress: rules[0], egress: rules[1], notes: [], problems: problems)]
    }

    /// `ports`: `portNumber` {protocol, port}, `portRange` {protocol, start, end}, `namedPort` (any protocol).
    static func ports(_ rule: Node) -> [PortMatcher] {
        (rule["ports"]?.items ?? []).flatMap { entry -> [PortMatcher] in
            if let number = entry["portNumber"], !number.isNull {
                guard let proto = protocolOf(number) else { return [.invalid("unsupported protocol '\(number["protocol"]?.string ?? "")'")] }
                return [PolicyCompiler.portRange(proto, number["port"]?.int)]
            }
            if let range = entry["portRange"], !range.isNull {
                guard let proto = protocolOf(range) else { return [.invalid("unsupported protocol '\(range["protocol"]?.string ?? "")'")] }
                return [PolicyCompiler.portRange(proto, range["start"]?.int, range["end"]?.int ?? 0)]
            }
            if let name = entry["namedPort"]?.string {
                return NetworkProtocol.allCases.map { PolicyCompiler.portName($0, name) }
            }
            return [.invalid("a port entry must set portNumber, portRange or namedPort")]
        }
    }

    private static func protocolOf(_ node: Node) -> NetworkProtocol? {
        NetworkProtocol(rawValue: node["protocol"]?.string ?? "TCP")
    }
}
