import RampartModel
@testable import RampartRules
import Testing
import TestSupport

/// The RBAC risk rules on one small multi-tenant cluster.
@Suite struct RBACRulesTests {
    static let cluster = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: god}
        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: ops-god}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: god}
        subjects:
        - {kind: User, name: ops}
        - {kind: ServiceAccount, name: addon-manager, namespace: kube-system}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: system-only}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: god}
        subjects: [{kind: User, name: "system:kube-scheduler"}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: node-debug}
        rules: [{apiGroups: [""], resources: [nodes/proxy, namespaces], verbs: [get, list]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: node-debug, namespace: team-a}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-debug}
        subjects: [{kind: Group, name: team-a}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: editors, namespace: team-a}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects:
        - {kind: ServiceAccount, name: default}
        - {kind: ServiceAccount, name: deployer, namespace: team-b}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: everyone-views}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: Group, name: "system:authenticated"}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: dangling, namespace: team-a}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: gone}
        subjects: [{kind: User, name: carol}]
        """

    let findings = Auditor.audit(AuditContext(inventory: Fixtures.inventory(cluster)), rules: RBACRules.all)

    func objects(of ruleId: String) -> [String] {
        findings.filter { $0.ruleId == ruleId }.map { "\($0.object.kind)/\($0.object.name)" }.sorted()
    }

    @Test func clusterAdminIsReportedOnceAndNotForSystemSubjects() throws {
        #expect(objects(of: "rbac.cluster-admin") == ["ClusterRoleBinding/ops-god"])
        let finding = try #require(findings.first { $0.ruleId == "rbac.cluster-admin" })
        #expect(finding.message.contains("User ops") && !finding.message.contains("addon-manager"))
        #expect(finding.path == "roleRef" && finding.location.line > 1)
        #expect(finding.standards.contains("CIS v1.10 5.1.1"))
        #expect(!findings.contains { $0.ruleId == "rbac.secrets-read" && $0.object.name == "ops-god" }, "cluster-admin covers it")
    }

    @Test func clusterScopedPermissionsNeedAClusterRoleBinding() {
        #expect(objects(of: "rbac.nodes-proxy").isEmpty, "a RoleBinding does not grant nodes/proxy")
        #expect(objects(of: "rbac.namespace-list") == ["ClusterRoleBinding/everyone-views"])
    }

    @Test func builtInRolesAreUsedAndNamedInNotes() throws {
        let finding = try #require(findings.first { $0.ruleId == "rbac.secrets-read" })
        #expect(finding.object.name == "editors")
        #expect(finding.notes.contains { $0.contains("built-in") })
        #expect(objects(of: "rbac.pod-exec") == ["RoleBinding/editors"])
    }

    @Test func subjectRules() {
        #expect(objects(of: "rbac.default-service-account") == ["RoleBinding/editors"])
        #expect(objects(of: "rbac.cross-namespace-subject") == ["RoleBinding/editors"])
        #expect(objects(of: "rbac.broad-group") == ["ClusterRoleBinding/everyone-views"])
        #expect(objects(of: "rbac.missing-role") == ["RoleBinding/dangling"])
        #expect(objects(of: "rbac.wildcard-rules") == ["ClusterRole/god"])
    }

    @Test func everyRBACRuleIsInTheCatalogWithAStandardOrRationale() {
        let ids = RBACRules.all.map(\.metadata.id)
        #expect(Set(ids).count == ids.count)
        for rule in RBACRules.all {
            #expect(rule.metadata.id.hasPrefix("rbac."))
            #expect(!rule.metadata.standards.isEmpty && !rule.metadata.remediation.isEmpty)
            #expect(Catalog.rule(id: rule.metadata.id) != nil)
        }
    }

    /// `rbac.unbound-dangerous-role` reads the permissions of the rules the listing marks as
    /// permission rules: a permission rule listed as another kind would drop out of it unnoticed.
    @Test func theListingMarksEveryPermissionRule() {
        for member in RBACRules.members {
            if case .other(let rule) = member { #expect(!(rule is any PermissionRule), "\(rule.metadata.id) is a permission rule") }
        }
        #expect(RBACRules.permissionRules.map(\.metadata.id) == RBACRules.all.filter { $0 is any PermissionRule }.map(\.metadata.id))
    }
}
