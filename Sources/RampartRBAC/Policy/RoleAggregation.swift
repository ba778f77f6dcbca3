import RampartModel

/// Fills in aggregated ClusterRoles as the ClusterRole aggregation controller does
/// (`pkg/controller/clusterroleaggregation`): for each selector in order, the ClusterRoles it matches
/// sorted by name (the role itself excluded), each of their rules appended unless an equal rule is
/// already there. Aggregated roles that select other aggregated roles are repeated to a fixed point.
enum RoleAggregation {
    static func resolve(_ roles: inout [RoleKey: RBACRole]) {
        let clusterRoles = roles.keys.filter { $0.kind == .clusterRole }.sorted()
        let aggregated = clusterRoles.filter { roles[$0]?.aggregationSelectors != nil }
        guard !aggregated.isEmpty else { return }
        // Labels do not change while rules are aggregated: match every selector once.
        let labelled = clusterRoles.map { ($0, roles[$0]?.labels ?? [:]) }
        let sources = aggregated.map { target in
            (roles[target]?.aggregationSelectors ?? []).flatMap { selector in
                labelled.filter { $0.0 != target && selector.matches($0.1) }.map(\.0)
            }
        }
        for _ in 0...aggregated.count {
            var changed = false
            for (key, selected) in zip(aggregated, sources) {
                let rules = aggregate(selected, roles: roles)
                if rules.map(\.rule) != roles[key]?.rules.map(\.rule) {
                    roles[key]?.rules = rules
                    changed = true
                }
            }
            if !changed { return }
        }
    }

    /// The rules of `selected`, in order, each distinct rule once.
    private static func aggregate(_ selected: [RoleKey], roles: [RoleKey: RBACRole]) -> [RBACRole.SourcedRule] {
        var result: [RBACRole.SourcedRule] = []
        var seen: Set<PolicyRule> = []
        for key in selected {
            for sourced in roles[key]?.rules ?? [] where seen.insert(sourced.rule).inserted {
                result.append(sourced)
            }
        }
        return result
    }
}
