import RampartModel
import RampartRBAC
import Testing
import TestSupport

/// Constrained impersonation (KEP-5284): the impersonated identity's power, cut down to what the
/// impersonator's `impersonate-on:<mode>:<verb>` rules allow, written as the KEP's own examples.
@Suite struct ConstrainedImpersonationTests {
    static let alice = Subject(kind: .user, name: "alice")
    static let authn = "authentication.k8s.io"

    /// alice may impersonate ci/builder (`impersonate:serviceaccount`) and act as it for `actions`
    /// in namespace ci; builder creates pods in ci, where ops (cluster-admin) is an account.
    static func accountImpersonation(actions: String) -> String {
        EscalationTests.grant("impersonate-builder", rule: "{apiGroups: [\(authn)], resources: [serviceaccounts], resourceNames: [builder], verbs: [\"impersonate:serviceaccount\"]}",
                              to: "{kind: User, name: alice}", namespace: "ci")
            + EscalationTests.grant("impersonate-actions", rule: actions, to: "{kind: User, name: alice}", namespace: "ci")
            + EscalationTests.grant("builder", rule: "{apiGroups: [\"\"], resources: [pods], verbs: [create, get, list]}",
                                    to: "{kind: ServiceAccount, name: builder, namespace: ci}", namespace: "ci")
            + EscalationTests.grant("ci-ops", rule: "{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}",
                                    to: "{kind: ServiceAccount, name: ops, namespace: ci}")
    }

    func adminPaths(_ yaml: String) -> [EscalationPath] {
        let inventory = Fixtures.inventory(yaml)
        var analysis = EscalationAnalysis(policy: RBACPolicy(inventory: inventory), inventory: inventory)
        return analysis.clusterAdminPaths(from: [Self.alice])
    }

    @Test func anImpersonatedAccountActsWithinTheAllowedActions() throws {
        let creates = Self.accountImpersonation(actions: "{apiGroups: [\"\"], resources: [pods], verbs: [\"impersonate-on:serviceaccount:create\"]}")
        let path = try #require(adminPaths(creates).first)
        #expect(path.steps.map(\.technique) == [.constrainedImpersonation, .createWorkloads, .clusterAdmin])
        #expect(path.steps[0].to == "ServiceAccount ci/builder, impersonated for what impersonate-on:serviceaccount allows")
        #expect(path.steps[0].explanation.contains("may impersonate service account builder in namespace ci (impersonate:serviceaccount), and may act as it for create"))
        #expect(path.steps[0].via.map(\.binding?.description) == ["RoleBinding/ci/impersonate-builder", "RoleBinding/ci/impersonate-actions"])
    }

    @Test func actionsTheImpersonatorMayNotTakeGiveNothing() {
        let reads = Self.accountImpersonation(actions: "{apiGroups: [\"\"], resources: [pods], verbs: [\"impersonate-on:serviceaccount:list\", \"impersonate-on:serviceaccount:*\"]}")
        #expect(adminPaths(reads).isEmpty, "builder may create pods, but alice may only list them as builder (`:*` is no pattern)")
        let otherMode = Self.accountImpersonation(actions: "{apiGroups: [\"\"], resources: [pods], verbs: [\"impersonate-on:user-info:create\"]}")
        #expect(adminPaths(otherMode).isEmpty, "the action verb names the mode it holds for")
    }

    @Test func userInfoNeverImpersonatesSystemMasters() throws {
        let yaml = EscalationTests.grant("impersonate-users", rule: """
            {apiGroups: [\(Self.authn)], resources: [users, groups], verbs: [\"impersonate:user-info\"]}, \
            {apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"impersonate-on:user-info:get\", \"impersonate-on:user-info:create\"]}
            """, to: "{kind: User, name: alice}")
        #expect(adminPaths(yaml).isEmpty, "legacy impersonation of any group is system:masters; user-info refuses it")
        let legacy = yaml + EscalationTests.grant("legacy", rule: "{apiGroups: [\"\"], resources: [users, groups], verbs: [impersonate]}",
                                                  to: "{kind: User, name: alice}")
        #expect(try #require(adminPaths(legacy).first).steps.map(\.technique) == [.impersonate])
    }

    @Test func impersonatingAnyNodeTakesTheTokensOfItsPods() throws {
        let node = EscalationTests.grant("impersonate-nodes", rule: """
            {apiGroups: [\(Self.authn)], resources: [nodes], verbs: [\"impersonate:arbitrary-node\"]}, \
            {apiGroups: [\"\"], resources: [serviceaccounts/token], verbs: [\"impersonate-on:arbitrary-node:create\"]}
            """, to: "{kind: User, name: alice}") + EscalationTests.opsIsClusterAdmin
        let path = try #require(adminPaths(node + EscalationTests.pod("ops", account: "ops", automount: true)).first)
        #expect(path.steps.map(\.technique) == [.constrainedImpersonation, .clusterAdmin])
        #expect(path.steps[0].explanation.contains("the Node authorizer gives a node the tokens of the pods bound to it"))
        let reads = node.replacingOccurrences(of: "impersonate-on:arbitrary-node:create", with: "impersonate-on:arbitrary-node:get")
        #expect(adminPaths(reads + EscalationTests.pod("ops", account: "ops", automount: true)).isEmpty)
    }
}
