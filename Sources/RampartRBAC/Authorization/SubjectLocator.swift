/// The answer to "who may do this?".
public struct AccessReview: Sendable {
    /// Every subject allowed, sorted: `Group system:masters` always, then the subjects of every
    /// binding that allows the request, as written (service accounts with their namespace).
    public var subjects: [Subject]
    /// The grants behind the subjects (not including `system:masters`).
    public var via: [Grant]
    /// Bindings in scope whose role cannot be resolved.
    public var unresolved: [UnresolvedBinding]
}

extension RBACPolicy {
    /// Every subject allowed to make `request`, as the API server's subject locator finds them
    /// (`plugin/pkg/auth/authorizer/rbac/subject_locator.go`). A request with namespace `""` is
    /// cluster-scoped or across all namespaces: only ClusterRoleBindings count, the grants that hold
    /// in every namespace.
    public func subjects(allowedTo request: AccessRequest) -> AccessReview {
        var subjects: Set<Subject> = [Grant.privileged.subject]
        var via: [Grant] = []
        var unresolved: [UnresolvedBinding] = []
        var allowingRules: [RoleKey: [RBACRole.SourcedRule]] = [:]
        for binding in bindings(applyingIn: request.namespace) {
            guard case .resolved(let role) = role(of: binding) else {
                unresolved += self.unresolved(binding).map { [$0] } ?? []
                continue
            }
            let rules = allowingRules[role.key] ?? role.rules.filter { $0.rule.allows(request) }
            allowingRules[role.key] = rules
            guard let rule = rules.first else { continue }
            for bound in binding.subjects {
                subjects.insert(bound.subject)
                via.append(Grant(subject: bound.subject, binding: binding, role: role, rule: rule))
            }
        }
        return AccessReview(subjects: subjects.sorted(), via: via, unresolved: unresolved)
    }
}
