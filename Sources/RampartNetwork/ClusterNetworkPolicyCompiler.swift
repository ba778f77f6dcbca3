import RampartModel

/// `policy.networking.k8s.io/v1alpha2` ClusterNetworkPolicy: `tier: Admin` or `Baseline`, ordered by
/// `priority`, actions Accept, Deny and Pass, `protocols`.
enum ClusterNetworkPolicyCompiler: PolicyKindCompiler {
    static let group = "policy.networking.k8s.io"
    static let kind = "ClusterNetworkPolicy"

    static func compile(_ object: KubeObject) -> [CompiledPolicy] {
        let spec = object.root["spec"]
        var problems: [String] = []
        let tierName = spec?["tier"]?.string
        let tier: PolicyTier? = tierName == "Admin" ? .admin : tierName == "Baseline" ? .baseline : nil
        if tier == nil {
            problems.append("tier '\(tierName ?? "")' is neither Admin nor Baseline: the policy selects no pod")
        }
        let priority = spec?["priority"]?.int
        if priority == nil || !(0...1000).contains(priority ?? 0) {
            problems.append("priority must be a number from 0 to 1000")
        }
        let subject = AdminPolicyParts.subject(spec?["subject"], problems: &problems)
        let rules = TrafficDirection.allCases.map { direction in
            AdminPolicyParts.rules(spec, direction, problems: &problems, action: action, ports: protocols)
        }
        return [CompiledPolicy(object: object, namespace: "", name: object.name, tier: tier ?? .admin,
                               precedence: Double(priority ?? 1000), tiesAreAmbiguous: true, subject: tier == nil ? [] : subject,
                               directions: [], ingress: rules[0], egress: rules[1], notes: [], problems: problems)]
    }

    private static func action(_ name: String) -> RuleAction? {
        switch name {
        case "Accept": .allow
        case "Deny": .deny
        case "Pass": .pass
        default: nil
        }
    }

    /// `protocols`: `tcp`/`udp`/`sctp` with an optional `destinationPort` (`number` or `range`), or
    /// `destinationNamedPort` (any protocol).
    static func protocols(_ rule: Node) -> [PortMatcher] {
        (rule["protocols"]?.items ?? []).flatMap { entry -> [PortMatcher] in
            if let name = entry["destinationNamedPort"]?.string {
                return NetworkProtocol.allCases.map { PolicyCompiler.portName($0, name) }
            }
            for proto in NetworkProtocol.allCases {
                guard let match = entry[proto.rawValue.lowercased()], !match.isNull else { continue }
                guard let port = match["destinationPort"], !port.isNull else { return [.allPorts(proto)] }
                if let range = port["range"], !range.isNull {
                    return [PolicyCompiler.portRange(proto, range["start"]?.int, range["end"]?.int ?? 0)]
                }
                return [PolicyCompiler.portRange(proto, port["number"]?.int)]
            }
            return [.invalid("a protocols entry must set tcp, udp, sctp or destinationNamedPort")]
        }
    }
}
