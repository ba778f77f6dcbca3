/// The techniques that take roles: `bind` and `escalate` on roles, and impersonation of users and groups.
extension EscalationGraph {
    private static let rbac = RBACPolicy.group
    private static let clusterBindingWrites = CapabilitySet.questions(["create", "update", "patch"], group: rbac, ["clusterrolebindings"])
    private static let bindingWrites = CapabilitySet.questions(["create", "update", "patch"], group: rbac, ["rolebindings"])
    private static let bindClusterRoles = RelevantRules.question("bind", group: rbac, "clusterroles")
    private static let binds = [(RoleKind.clusterRole, bindClusterRoles), (.role, RelevantRules.question("bind", group: rbac, "roles"))]
    /// Per role resource: whether it is cluster-scoped, writing it, and escalating it.
    private static let escalations = [("clusterroles", true), ("roles", false)].map { resource, clusterScoped in
        (resource: resource, clusterScoped: clusterScoped, writes: CapabilitySet.questions(["update", "patch"], group: rbac, [resource]),
         escalate: RelevantRules.question("escalate", group: rbac, resource))
    }
    private static let impersonateUser = RelevantRules.question("impersonate", "users")
    private static let impersonateGroup = RelevantRules.question("impersonate", "groups")

    /// Writing bindings and `bind` on roles → the roles it may bind (any: every permission) in that scope.
    func bind(_ set: CapabilitySet) -> [EscalationEdge] {
        var edges: [EscalationEdge] = []
        let clusterBinders = set.allowing(Self.bindClusterRoles, name: nil, clusterScoped: true)
        for (writer, permission) in set.allowing(any: Self.clusterBindingWrites) where writer.scope == .cluster {
            for binder in clusterBinders {
                edges += bindEdges(writer: writer, binder: binder, scope: .cluster, kind: .clusterRole,
                                   action: "may \(permission) and bind ClusterRoles")
            }
        }
        for (writer, permission) in set.allowing(any: Self.bindingWrites) {
            for (kind, question) in Self.binds {
                for binder in set.allowing(question, name: nil) {
                    guard let both = writer.scope.intersection(binder.scope) else { continue }
                    edges += bindEdges(writer: writer, binder: binder, scope: both == .cluster ? .everyNamespace : both, kind: kind,
                                       action: "may \(permission) and bind \(kind.rawValue)s")
                }
            }
        }
        return edges
    }

    private func bindEdges(writer: Capability, binder: Capability, scope: PermissionScope, kind: RoleKind,
                           action: @escaping @autoclosure @Sendable () -> String) -> [EscalationEdge] {
        let origins = [writer.origin, binder.origin]
        guard !binder.rule.resourceNames.isEmpty else {
            return [EscalationEdge(technique: .bind, target: .admin(scope),
                                   action: "\(action()) \(scope.description): it may bind any role to itself", origins: origins)]
        }
        return binder.rule.resourceNames.sorted().compactMap { name in
            let key = RoleKey(kind: kind, namespace: kind == .role ? scope.namespace : nil, name: name)
            guard key.kind == .clusterRole || key.namespace != nil, policy.roles[key] != nil else { return nil }
            return EscalationEdge(technique: .bind, target: .role(key, scope),
                                  action: "\(action()) \(scope.description) (\(name)): it may bind \(key) to itself", origins: origins)
        }
    }

    /// `escalate` and writing roles → every permission in that scope: it may write any rule into a
    /// role, including one bound to itself.
    func escalate(_ set: CapabilitySet) -> [EscalationEdge] {
        var edges: [EscalationEdge] = []
        for (resource, clusterScoped, writes, escalate) in Self.escalations {
            let escalators = set.allowing(escalate, name: nil, clusterScoped: clusterScoped)
            for (writer, permission) in set.allowing(any: writes) {
                for escalator in escalators {
                    guard let both = writer.scope.intersection(escalator.scope) else { continue }
                    let scope = !clusterScoped && both == .cluster ? PermissionScope.everyNamespace : both
                    edges.append(EscalationEdge(technique: .escalate, target: .admin(scope),
                                                action: "may \(permission) and escalate \(resource) \(scope.description): it may write any rule into a role bound to it",
                                                origins: [writer.origin, escalator.origin]))
                }
            }
        }
        return edges
    }

    /// `impersonate users` (and groups) → those users with those groups; any group → system:masters.
    func impersonateUsers(_ set: CapabilitySet) -> [EscalationEdge] {
        let userRules = set.allowing(Self.impersonateUser, name: nil, clusterScoped: true)
        guard let userRule = userRules.first else { return [] }
        let groupRules = set.allowing(Self.impersonateGroup, name: nil, clusterScoped: true)
        let groups = groupRules.isEmpty ? [] : CapabilitySet.names(groupRules)
        let origins = [userRule.origin] + groupRules.prefix(1).map(\.origin)
        if groups == nil || groups?.contains(RequestUser.privilegedGroup) == true {
            return [EscalationEdge(technique: .impersonate, target: .clusterAdmin,
                                   action: "may impersonate a user and the group \(RequestUser.privilegedGroup), which kube-apiserver allows everything",
                                   origins: origins)]
        }
        let users = (CapabilitySet.names(userRules) ?? facts.userNames).filter { RequestUser.serviceAccount(userName: $0) == nil }
        let extra = groups ?? []
        return users.map { user in
            EscalationEdge(technique: .impersonate,
                           target: .identity(RequestUser(name: user, sortedGroups: Set(extra + [Subject.authenticatedGroup]))),
                           action: "may impersonate user \(user)" + (extra.isEmpty ? "" : " with groups \(extra.joined(separator: ", "))"),
                           origins: origins)
        }
    }
}
