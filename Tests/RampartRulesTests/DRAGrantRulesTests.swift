import RampartModel
import RampartRules
import Testing
import TestSupport

/// The Dynamic Resource Allocation grants: who may claim admin access to devices, and who may
/// write the allocations and device status of ResourceClaims.
@Suite struct DRAGrantRulesTests {
    static let namespaces = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: team-a
          labels: {resource.kubernetes.io/admin-access: "true"}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-b}
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: kube-system
          labels: {resource.kubernetes.io/admin-access: "true"}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: claimer}
        rules: [{apiGroups: [resource.k8s.io], resources: [resourceclaimtemplates], verbs: [create]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: ns-labeller}
        rules: [{apiGroups: [""], resources: [namespaces], verbs: [patch]}]

        """

    /// A RoleBinding of `role` to `group` in `namespace`.
    static func roleBinding(_ name: String, _ namespace: String, role: String, group: String) -> String {
        """
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: \(name), namespace: \(namespace)}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: \(role)}
        subjects: [{kind: Group, name: "\(group)", apiGroup: rbac.authorization.k8s.io}]

        """
    }

    /// A ClusterRoleBinding of `role` to `subject` (a flow-style subject).
    static func clusterRoleBinding(_ name: String, role: String, subject: String) -> String {
        """
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: \(name)}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: \(role)}
        subjects: [\(subject)]

        """
    }

    static func adminClaims(_ yaml: String) -> [Finding] {
        findings(namespaces + yaml, rules: RBACRules.all).filter { $0.ruleId == "rbac.device-admin-claim" }
    }

    @Test func creatingClaimsInALabelledTenantNamespaceIsReported() throws {
        let found = Self.adminClaims(Self.roleBinding("devs", "team-a", role: "edit", group: "a:devs"))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.object.name == "devs" && finding.path == "roleRef")
        #expect(finding.message.contains("Group a:devs create resourceclaims in namespace team-a through ClusterRole/edit"))
        #expect(finding.notes.contains { $0.contains("grants create resourceclaims") })
    }

    @Test func creatingClaimsInAnUnlabelledNamespaceIsNot() {
        #expect(Self.adminClaims(Self.roleBinding("devs", "team-b", role: "edit", group: "b:devs")).isEmpty)
    }

    @Test func templatesCountAndClusterWideCreationNamesTheLabelledTenantNamespacesOnly() throws {
        let found = Self.adminClaims(Self.clusterRoleBinding("claims", role: "claimer", subject: "{kind: User, name: alice}"))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message.contains("create resourceclaimtemplates cluster-wide"))
        #expect(finding.message.contains("namespace team-a is labelled"), "kube-system is the platform's, team-b is unlabelled")
    }

    @Test func platformNamespacesAndSystemSubjectsAreNotFindings() {
        let yaml = Self.roleBinding("ops", "kube-system", role: "edit", group: "ops")
            + Self.clusterRoleBinding("scheduler", role: "claimer", subject: "{kind: User, name: \"system:kube-scheduler\"}")
            + Self.clusterRoleBinding("addon", role: "ns-labeller", subject: "{kind: ServiceAccount, name: addon, namespace: kube-system}")
        #expect(Self.adminClaims(yaml).isEmpty)
    }

    @Test func relabellingANamespaceWhereItCreatesClaimsIsReportedOnTheRelabelGrant() throws {
        let yaml = Self.roleBinding("devs", "team-b", role: "edit", group: "b:devs")
            + Self.clusterRoleBinding("labeller", role: "ns-labeller", subject: "{kind: Group, name: \"b:devs\", apiGroup: rbac.authorization.k8s.io}")
        let found = Self.adminClaims(yaml)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.object.kind == "ClusterRoleBinding" && finding.object.name == "labeller")
        #expect(finding.message.contains("Group b:devs patch namespaces"))
        #expect(finding.message.contains("RoleBinding/team-b/devs lets it create resourceclaims in namespace team-b"))
        #expect(finding.message.contains("may label namespace team-b"))
        #expect(finding.notes.count == 2)
    }

    @Test func theFinalizeSubresourceRelabelsToo() throws {
        let finalizer = """
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: finalizer}
            rules: [{apiGroups: [""], resources: [namespaces/finalize], verbs: [update]}]

            """
        let yaml = finalizer + Self.roleBinding("devs", "team-b", role: "edit", group: "b:devs")
            + Self.clusterRoleBinding("cleanup", role: "finalizer", subject: "{kind: Group, name: \"b:devs\", apiGroup: rbac.authorization.k8s.io}")
        let finding = try #require(Self.adminClaims(yaml).first)
        #expect(finding.message.contains("update namespaces/finalize"))
    }

    @Test func relabellingAloneOrForAnotherSubjectIsNot() {
        let relabelOnly = Self.clusterRoleBinding("labeller", role: "ns-labeller", subject: "{kind: User, name: bob}")
        #expect(Self.adminClaims(relabelOnly).isEmpty)
        let apart = relabelOnly + Self.roleBinding("devs", "team-b", role: "edit", group: "b:devs")
        #expect(Self.adminClaims(apart).isEmpty, "bob relabels, b:devs creates: neither does both")
    }

    @Test func aRoleBindingRelabelsItsOwnNamespaceOnly() throws {
        let own = Self.roleBinding("devs", "team-b", role: "edit", group: "b:devs")
            + Self.roleBinding("label-own", "team-b", role: "ns-labeller", group: "b:devs")
        let finding = try #require(Self.adminClaims(own).first)
        #expect(finding.object.name == "label-own" && finding.message.contains("namespace team-b"))
        let elsewhere = Self.roleBinding("devs", "team-b", role: "edit", group: "b:devs")
            + Self.roleBinding("label-c", "team-c", role: "ns-labeller", group: "b:devs")
        #expect(Self.adminClaims(elsewhere).isEmpty, "it labels team-c but creates claims in team-b only")
    }

    @Test func clusterAdminClusterWideIsLeftToTheClusterAdminRule() {
        let yaml = Self.clusterRoleBinding("oncall", role: "cluster-admin", subject: "{kind: User, name: carol}")
        let found = findings(Self.namespaces + yaml, rules: RBACRules.all)
        #expect(found.contains { $0.ruleId == "rbac.cluster-admin" })
        #expect(!found.contains { $0.ruleId.hasPrefix("rbac.device-") || $0.ruleId.hasPrefix("rbac.resourceclaim-") })
    }

    static let statusWriter = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: dra-writer}
        rules:
        - {apiGroups: [resource.k8s.io], resources: [resourceclaims/status, resourceclaims/binding], verbs: [update, patch]}
        - apiGroups: [resource.k8s.io]
          resources: [resourceclaims/driver]
          verbs: ["arbitrary-node:update"]
          resourceNames: [gpu.example.com]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: status-only}
        rules: [{apiGroups: [resource.k8s.io], resources: [resourceclaims/status], verbs: [update, patch]}]

        """

    static func statusFindings(_ yaml: String) -> [Finding] {
        findings(statusWriter + yaml, rules: RBACRules.all).filter { $0.ruleId.hasPrefix("rbac.resourceclaim-") }
    }

    @Test func bindingAndDriverGrantsClusterWideAreReported() throws {
        let found = Self.statusFindings(Self.clusterRoleBinding("tenant-sched", role: "dra-writer",
                                                               subject: "{kind: ServiceAccount, name: sched, namespace: team-b}"))
        #expect(found.map(\.ruleId).sorted() == ["rbac.resourceclaim-binding", "rbac.resourceclaim-driver-status"])
        let binding = try #require(found.first { $0.ruleId == "rbac.resourceclaim-binding" })
        #expect(binding.message.contains("update,patch resourceclaims/binding cluster-wide"))
        #expect(binding.severity == .high)
        let driver = try #require(found.first { $0.ruleId == "rbac.resourceclaim-driver-status" })
        #expect(driver.message.contains("arbitrary-node:update resourceclaims/driver"), "resourceNames limit the drivers, not the power")
    }

    @Test func aRoleBindingGrantsNeitherTheClusterWideBindingCheckNorOtherTenantsClaims() {
        #expect(Self.statusFindings(Self.roleBinding("sched", "team-b", role: "dra-writer", group: "b:sched")).isEmpty)
    }

    @Test func statusWritesAloneAndSystemDriversAreNotReported() {
        let yaml = Self.clusterRoleBinding("status", role: "status-only", subject: "{kind: User, name: alice}")
            + Self.clusterRoleBinding("driver", role: "dra-writer", subject: "{kind: ServiceAccount, name: gpu-driver, namespace: kube-system}")
        #expect(Self.statusFindings(yaml).isEmpty)
    }

    @Test func beforeOneThirtySixAStatusWriteIsAnAllocationWriteInAnyScope() throws {
        let apiServer = """
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: kube-apiserver, namespace: kube-system}
            spec:
              containers:
              - {name: kube-apiserver, image: "registry.k8s.io/kube-apiserver:v1.35.0", command: [kube-apiserver]}

            """
        let yaml = Self.roleBinding("status", "team-b", role: "status-only", group: "b:sched")
        #expect(Self.statusFindings(yaml).isEmpty, "without a control plane among the inputs, 1.36's checks are assumed")
        let found = Self.statusFindings(yaml + apiServer)
        let finding = try #require(found.first)
        #expect(found.map(\.ruleId) == ["rbac.resourceclaim-binding"])
        #expect(finding.message.contains("update,patch resourceclaims/status in namespace team-b"))
        #expect(finding.notes.contains { $0.contains("kube-apiserver 1.35.0 predates") })
    }

    @Test func associatedNodeVerbsAreReportedToo() {
        let role = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: node-driver}
            rules: [{apiGroups: [resource.k8s.io], resources: [resourceclaims/driver], verbs: ["associated-node:patch"]}]

            """
        let found = Self.statusFindings(role + Self.clusterRoleBinding("tenant-driver", role: "node-driver", subject: "{kind: User, name: alice}"))
        #expect(found.map(\.ruleId) == ["rbac.resourceclaim-driver-status"])
    }
}
