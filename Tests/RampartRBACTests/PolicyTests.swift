import RampartModel
import RampartRBAC
import Testing
import TestSupport

/// Aggregation, built-in roles and bindings that cannot be resolved.
@Suite struct PolicyTests {
    @Test func aggregationIsResolvedTransitivelyWithoutDuplicates() {
        let policy = RBACPolicy(inventory: Fixtures.inventory("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: top}
            aggregationRule: {clusterRoleSelectors: [{matchLabels: {level: middle}}]}
            rules: [{apiGroups: [""], resources: [stale], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: middle, labels: {level: middle}}
            aggregationRule: {clusterRoleSelectors: [{matchLabels: {level: bottom}}]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: a-bottom, labels: {level: bottom}}
            rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: b-bottom, labels: {level: bottom}}
            rules:
            - {apiGroups: [""], resources: [pods], verbs: [get]}
            - {apiGroups: [""], resources: [services], verbs: [list]}
            """), builtInRoles: false)
        let top = policy.roles[.clusterRole("top")]?.rules ?? []
        #expect(top.map(\.rule) == [PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["pods"]),
                                    PolicyRule(verbs: ["list"], apiGroups: [""], resources: ["services"])])
        #expect(top.map(\.role.name) == ["a-bottom", "b-bottom"], "rules keep the role they are written in")
    }

    @Test func builtInRolesResolveMissingReferencesAndSaySo() throws {
        let policy = RBACPolicy(inventory: Fixtures.inventory("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: viewers, namespace: team-a}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects: [{kind: Group, name: team-a}]
            """))
        let decision = policy.authorize(RequestUser(name: "bob", groups: ["team-a"]), .parse(verb: "list", resource: "pods", namespace: "team-a"))
        #expect(decision.allowed)
        let via = try #require(decision.via.first)
        #expect(via.builtInRole)
        #expect(via.ruleOf?.name == "system:aggregate-to-view")
        #expect(!policy.authorize(RequestUser(name: "bob", groups: ["team-a"]), .parse(verb: "get", resource: "secrets", namespace: "team-a")).allowed,
                "view does not read secrets")
        #expect(policy.unresolvedBindings.isEmpty)
    }

    @Test func inputRolesWinOverBuiltInOnes() {
        let policy = RBACPolicy(inventory: Fixtures.inventory("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: view}
            rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
            """))
        #expect(policy.roles[.clusterRole("view")]?.isBuiltIn == false)
        #expect(policy.roles[.clusterRole("view")]?.rules.count == 1)
        #expect(policy.roles[.clusterRole("cluster-admin")]?.isBuiltIn == true)
    }

    @Test func bindingsToMissingOrInvalidRolesAreReportedNotFatal() {
        let policy = RBACPolicy(inventory: Fixtures.inventory("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: dangling}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: nowhere}
            subjects: [{kind: User, name: bob}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: wrong-kind}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
            subjects: [{kind: User, name: bob}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: no-subjects-or-ref, namespace: x}
            roleRef: 42
            subjects: [{kind: Robot, name: r2}, "text"]
            """))
        let unresolved = policy.unresolvedBindings
        #expect(unresolved.map(\.binding.name) == ["dangling", "wrong-kind", "no-subjects-or-ref"])
        #expect(unresolved.first?.role == .clusterRole("nowhere"))
        let decision = policy.authorize(RequestUser(name: "bob"), .parse(verb: "get", resource: "pods"))
        #expect(!decision.allowed)
        #expect(decision.unresolved.count == 2)
    }

    @Test func otherAPIGroupsWithRBACKindsAreIgnored() {
        let policy = RBACPolicy(inventory: Fixtures.inventory("""
            apiVersion: authorization.openshift.io/v1
            kind: ClusterRoleBinding
            metadata: {name: foreign}
            roleRef: {kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: User, name: bob}]
            """))
        #expect(policy.clusterRoleBindings.isEmpty)
    }
}
