import RampartModel
import RampartRules
import Testing
import TestSupport

/// `rbac.escalation-path`: multi-step paths to cluster-admin from non-system subjects.
@Suite struct EscalationPathRuleTests {
    /// alice and the controller in kube-system create pods in ci, where ci/deployer reads every
    /// Secret, among them the legacy token of kube-system/ops, which is cluster-admin.
    static let cluster = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: pod-runner}
        rules: [{apiGroups: [""], resources: [pods], verbs: [create]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: pod-runners, namespace: ci}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-runner}
        subjects:
        - {kind: ServiceAccount, name: controller, namespace: kube-system}
        - {kind: User, name: alice}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: secret-reader}
        rules: [{apiGroups: [""], resources: [secrets], verbs: [list]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: deployer-reads-secrets}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
        subjects: [{kind: ServiceAccount, name: deployer, namespace: ci}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: ops}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects: [{kind: ServiceAccount, name: ops, namespace: kube-system}, {kind: User, name: root}]
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: ops-token
          namespace: kube-system
          annotations: {kubernetes.io/service-account.name: ops}
        type: kubernetes.io/service-account-token
        """

    @Test func multiStepPathsOfNonSystemSubjectsAreReported() throws {
        let found = findings(Self.cluster, rules: RBACRules.all).filter { $0.ruleId == "rbac.escalation-path" }
        #expect(found.map(\.message).sorted() == [
            "ServiceAccount ci/deployer can reach cluster-admin in 2 steps: read-token-secret → ServiceAccount kube-system/ops; cluster-admin → cluster-admin",
            "User alice can reach cluster-admin in 3 steps: create-workloads → ServiceAccount ci/deployer; read-token-secret → ServiceAccount kube-system/ops; cluster-admin → cluster-admin",
        ], "not the kube-system controller (a system component), not root (direct: rbac.cluster-admin)")
        let alice = try #require(found.first { $0.message.hasPrefix("User alice") })
        #expect(alice.object.name == "pod-runners")
        #expect(alice.path.description == "subjects[1]")
        #expect(alice.notes.count == 3)
        #expect(alice.notes[1].contains("may list Secret kube-system/ops-token"))
    }
}
