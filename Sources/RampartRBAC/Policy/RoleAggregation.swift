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
        for _ in 0...aggregated.count {
            var changed = false
            for key in aggregated {
                guard let selectors = roles[key]?.aggregationSelectors else { continue }
                let rules = aggregate(selectors, into: key, from: clusterRoles, roles: roles)
                if rules.map(\.rule) != roles[key]?.rules.map(\.rule) {
                    roles[key]?.rules = rules
                    changed = true
                }
            }
            if !changed { return }
        }
    }

    private static func aggregate(_ selectors: [LabelSelector], into target: RoleKey, from clusterRoles: [RoleKey],
                                  roles: [RoleKey: RBACRole]) -> [RBACRole.SourcedRule] {
        var result: [RBACRole.SourcedRule] = []
        var seen: Set<PolicyRule> = []
        for selector in selectors {
            for key in clusterRoles where key != target {
                guard let role = roles[key], selector.matches(role.labels) else { continue }
                for sourced in role.rules where seen.insert(sourced.rule).inserted {
                    result.append(sourced)
                }
            }
        }
        return result
    }
}
