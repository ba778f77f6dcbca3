/// One rule a node holds, where it holds, and why it holds it. A class: techniques pass
/// capabilities around a lot, and a reference is one retain where the binding and role are dozens.
final class Capability: Sendable {
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

    let rule: PolicyRule
    /// Which of the techniques' questions `rule` allows, names aside.
    let answers: RuleAnswers
    let scope: PermissionScope
    let origin: Origin
    /// True when the rule holds for namespaced objects only, never the Namespace object itself
    /// (what a deploying controller applies).
    let namespacedOnly: Bool

    /// `answers`: the rule's, when already worked out (see `RelevantRules`).
    init(rule: PolicyRule, answers: RuleAnswers? = nil, scope: PermissionScope, origin: Origin, namespacedOnly: Bool = false) {
        self.rule = rule
        self.answers = answers ?? RuleAnswers(rule)
        self.scope = scope
        self.origin = origin
        self.namespacedOnly = namespacedOnly
    }

    /// True when the rule allows `question` for the object `name` (nil: for some object name; `""`:
    /// for every name) and the scope covers it (cluster-scoped resources: only the `cluster` scope).
    func allows(_ question: RelevantRules.Question, name: String? = "", clusterScoped: Bool = false) -> Bool {
        guard !clusterScoped || scope == .cluster else { return false }
        guard answers.allows(question) else { return false }
        return name.map(rule.matchesResourceName) ?? true
    }

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

    /// The capabilities that allow `question` (a verb on a resource).
    /// `name`: the object's name; `""` asks for every name (rules without `resourceNames`); nil
    /// accepts rules limited to some names (see `names`). Cluster-scoped resources count only from
    /// the `cluster` scope.
    func allowing(_ question: RelevantRules.Question, name: String? = "", clusterScoped: Bool = false) -> [Capability] {
        capabilities.filter { $0.allows(question, name: name, clusterScoped: clusterScoped) }
    }

    /// Questions asked of every node: a label (`create pods`) and the question, for every name.
    typealias Question = (label: String, question: RelevantRules.Question)

    /// Each verb on each resource (`resource[/subresource]`) of `group`.
    static func questions(_ verbs: [String], group: String = "", _ resources: [String]) -> [Question] {
        resources.flatMap { resource in verbs.map { ("\($0) \(resource)", RelevantRules.question($0, group: group, resource)) } }
    }

    /// For each capability, the label of the first question it allows.
    func allowing(any questions: [Question]) -> [(capability: Capability, permission: String)] {
        capabilities.compactMap { capability in
            questions.first { capability.allows($0.question) }.map { (capability, $0.label) }
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
