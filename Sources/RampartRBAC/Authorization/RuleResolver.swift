/// The rules that apply to a user in a namespace.
public struct EffectiveRules: Sendable {
    /// The rules, in binding order, duplicates removed.
    public var rules: [PolicyRule]
    /// Where each rule comes from (one grant per binding and rule, duplicates included).
    public var via: [Grant]
    /// Bindings that name the user but whose role cannot be resolved.
    public var unresolved: [UnresolvedBinding]
}

extension RBACPolicy {
    /// The rules RBAC grants `user` in `namespace` (`""`: cluster-wide bindings only), as the
    /// API server's rule resolver lists them (`pkg/registry/rbac/validation/rule.go`), aggregated
    /// ClusterRoles filled in. `system:masters` is not RBAC and adds no rules here.
    public func rules(for user: RequestUser, namespace: String) -> EffectiveRules {
        let (bound, unresolved) = bindings(of: user, in: namespace)
        var rules: [PolicyRule] = []
        var seen: Set<PolicyRule> = []
        var via: [Grant] = []
        for entry in bound {
            for rule in entry.role.rules {
                via.append(Grant(subject: entry.subject, binding: entry.binding, role: entry.role, rule: rule))
                if seen.insert(rule.rule).inserted { rules.append(rule.rule) }
            }
        }
        return EffectiveRules(rules: rules, via: via, unresolved: unresolved)
    }
}
