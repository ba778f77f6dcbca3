/// One rule a node holds, where it holds, and why it holds it.
struct Capability: Sendable {
    /// Why a node holds a rule.
    enum Origin: Sendable {
        /// A binding names the identity.
        case binding(subject: Subject, binding: RBACBinding, role: RBACRole, rule: RBACRole.SourcedRule)
        /// The node is a power reached earlier on the path (a role it bound, admin of a namespace).
        case implied(String)

        /// The binding's grant, for output; nil for implied rules.
        var grant: Grant? {
            guard case .binding(let subject, let binding, let role, let rule) = self else { return nil }
            return Grant(subject: subject, binding: binding, role: role, rule: rule)
        }

        /// One sentence: the grant's explanation, or what the implied rule stands for.
        var explanation: String {
            switch self {
            case .binding: return grant?.explanation ?? ""
            case .implied(let text): return text
            }
        }
    }

    var rule: PolicyRule
    var scope: PermissionScope
    var origin: Origin

    /// Every verb on every resource of every API group.
    static let everything = PolicyRule(verbs: [PolicyRule.all], apiGroups: [PolicyRule.all], resources: [PolicyRule.all])
}

extension PolicyRule {
    /// True for a rule that allows every resource request: `*` verbs, groups and resources, no names.
    public var grantsEverything: Bool {
        verbs.contains(Self.all) && apiGroups.contains(Self.all) && resources.contains(Self.all) && resourceNames.isEmpty
    }
}

/// The capabilities of one node, with the questions the escalation techniques ask of them.
struct CapabilitySet {
    var capabilities: [Capability]

    /// The capabilities that allow `verb` on `resource` (`resource[/subresource]` of `group`).
    /// `name`: the object's name; `""` asks for every name (rules without `resourceNames`); nil
    /// accepts rules limited to some names (see `names`). Cluster-scoped resources count only from
    /// the `cluster` scope.
    func allowing(_ verb: String, group: String = "", _ resource: String, name: String? = "",
                  clusterScoped: Bool = false) -> [Capability] {
        let parts = resource.split(separator: "/", maxSplits: 1).map(String.init)
        let request = AccessRequest.resource(verb, group: group, parts.first ?? "", subresource: parts.count > 1 ? parts[1] : "",
                                             name: name ?? "")
        return capabilities.filter { capability in
            guard !clusterScoped || capability.scope == .cluster else { return false }
            var rule = capability.rule
            if name == nil { rule.resourceNames = [] }
            return rule.allows(request)
        }
    }

    /// For each capability, the first of `verbs` × `resources` (of `group`) it allows on every name.
    func allowing(any verbs: [String], group: String = "", _ resources: [String]) -> [(capability: Capability, permission: String)] {
        capabilities.compactMap { capability in
            let one = CapabilitySet(capabilities: [capability])
            for resource in resources {
                for verb in verbs where !one.allowing(verb, group: group, resource).isEmpty {
                    return (capability, "\(verb) \(resource)")
                }
            }
            return nil
        }
    }

    /// The names a set of capabilities is limited to; nil when one of them allows every name.
    static func names(_ capabilities: [Capability]) -> [String]? {
        var names: Set<String> = []
        for capability in capabilities {
            if capability.rule.resourceNames.isEmpty { return nil }
            names.formUnion(capability.rule.resourceNames)
        }
        return names.sorted()
    }
}
