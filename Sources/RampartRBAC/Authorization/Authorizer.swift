/// The answer to "may this user do this?", with every grant that allows it.
public struct Decision: Sendable {
    public var allowed: Bool
    /// Every grant that allows the request, `system:masters` first, then by binding.
    public var via: [Grant]
    /// Bindings that name the user and would be consulted, but whose role cannot be resolved.
    public var unresolved: [UnresolvedBinding]
}

/// A binding that names a user, with the subject that matched and the role it grants.
struct UserBinding {
    var subject: Subject
    var binding: RBACBinding
    var role: RBACRole
}

extension RBACPolicy {
    /// Decides `request` for `user` exactly as kube-apiserver's authorizer chain does with RBAC:
    /// members of `system:masters` are allowed everything; otherwise a ClusterRoleBinding, or a
    /// RoleBinding of the request's namespace, must bind the user to a role with a rule that allows it.
    public func authorize(_ user: RequestUser, _ request: AccessRequest) -> Decision {
        let (bound, unresolved) = bindings(of: user, in: request.namespace)
        var via: [Grant] = user.isPrivileged ? [.privileged] : []
        for entry in bound {
            for rule in entry.role.rules where rule.rule.allows(request) {
                via.append(Grant(subject: entry.subject, binding: entry.binding, role: entry.role, rule: rule))
            }
        }
        return Decision(allowed: !via.isEmpty, via: via, unresolved: unresolved)
    }

    /// The bindings consulted in `namespace` (`""`: ClusterRoleBindings only) that name `user`,
    /// with their roles, and those of them whose role cannot be resolved.
    func bindings(of user: RequestUser, in namespace: String) -> ([UserBinding], [UnresolvedBinding]) {
        var bound: [UserBinding] = []
        var unresolved: [UnresolvedBinding] = []
        for binding in bindings(applyingIn: namespace) {
            guard let subject = binding.subjects.first(where: { user.matches($0.subject) })?.subject else { continue }
            if case .resolved(let role) = role(of: binding) {
                bound.append(UserBinding(subject: subject, binding: binding, role: role))
            } else if let problem = self.unresolved(binding) {
                unresolved.append(problem)
            }
        }
        return (bound, unresolved)
    }
}
