/// Why a subject holds a permission: the binding, the role and the rule, or membership of
/// `system:masters`. The `via` of `rampart rbac can-i`.
public struct Grant: Sendable, Hashable, Codable {
    /// The subject of the binding that matched (for `system:masters`: that group).
    public var subject: Subject
    /// The binding; nil for `system:masters`, which kube-apiserver allows before RBAC is asked.
    public var binding: BindingReference?
    /// The role the binding refers to.
    public var role: RoleKey?
    /// True when the role is the built-in bootstrap definition, not one among the inputs.
    public var builtInRole: Bool
    /// The rule that allows the request.
    public var rule: PolicyRule?
    /// The role the rule is written in: `role` itself, or for an aggregated role the selected one.
    public var ruleOf: RoleKey?
    /// The rule's index in `ruleOf`'s `rules`.
    public var ruleIndex: Int?
    /// One sentence that says all of the above.
    public var explanation: String

    /// A grant by a binding's rule.
    init(subject: Subject, binding: RBACBinding, role: RBACRole, rule: RBACRole.SourcedRule) {
        self.subject = subject
        self.binding = binding.reference
        self.role = role.key
        builtInRole = role.isBuiltIn
        self.rule = rule.rule
        ruleOf = rule.role
        ruleIndex = rule.index
        var text = "\(binding.reference) binds \(role.key)"
        if role.isBuiltIn { text += " (built in: Kubernetes bootstrap policy, not among the inputs)" }
        text += " to \(subject.description); rules[\(rule.index)]"
        if rule.role != role.key { text += " of \(rule.role), aggregated into \(role.key)," }
        explanation = text + " allows \(rule.rule.summary)"
        if case .roleBinding = binding.kind, let namespace = binding.namespace {
            explanation += " in namespace \(namespace)"
        }
    }

    /// The grant every member of `system:masters` holds.
    static let privileged = Grant(
        subject: Subject(kind: .group, name: RequestUser.privilegedGroup), binding: nil, role: nil, builtInRole: false,
        rule: nil, ruleOf: nil, ruleIndex: nil,
        explanation: "member of \(RequestUser.privilegedGroup): kube-apiserver allows every request of this group before RBAC is asked")

    private init(subject: Subject, binding: BindingReference?, role: RoleKey?, builtInRole: Bool, rule: PolicyRule?,
                 ruleOf: RoleKey?, ruleIndex: Int?, explanation: String) {
        self.subject = subject
        self.binding = binding
        self.role = role
        self.builtInRole = builtInRole
        self.rule = rule
        self.ruleOf = ruleOf
        self.ruleIndex = ruleIndex
        self.explanation = explanation
    }
}
