import RampartModel
import RampartRules
import RampartTenancy
import Testing
import TestSupport

/// Issue 14, defect 16: a group that spans tenants (everyone, every authenticated user, every
/// service account) is never inside one tenant, even when the only binding that names it is a
/// RoleBinding of that tenant's namespace.
@Suite struct BroadSubjectTests {
    static let model = TenancyModel(tenants: [
        TenantSpec(name: "a", namespaces: NamespaceMatcher(names: ["team-a"]), origin: "test"),
        TenantSpec(name: "b", namespaces: NamespaceMatcher(names: ["team-b"]), origin: "test"),
    ], source: "test")

    static func cluster(subject: String) -> String {
        """
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-a}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-b}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: secret-reader, namespace: team-a}
        rules:
        - apiGroups: [""]
          resources: [secrets]
          verbs: [get, list]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: read-secrets, namespace: team-a}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
        subjects:
        - \(subject)
        """
    }

    static func audit(_ subject: String) -> (findings: [Finding], report: TenancyReport) {
        let context = Example.context(Fixtures.objects(cluster(subject: subject)), model: model)
        return (Auditor.audit(context, rules: TenancyRules.all), context.tenancy)
    }

    static let broad = [
        "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: \"system:unauthenticated\"}",
        "{kind: User, apiGroup: rbac.authorization.k8s.io, name: \"system:anonymous\"}",
        "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: \"system:authenticated\"}",
        "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: \"system:serviceaccounts\"}",
    ]

    @Test("a broad group bound by a RoleBinding of the tenant is outside it", arguments: broad)
    func broadGroupInsideTheTenantIsOutside(_ subject: String) throws {
        let (findings, report) = Self.audit(subject)
        let outside = findings.filter { $0.ruleId == "tenancy.outside-access" }
        #expect(outside.map(\.object.description) == ["RoleBinding/team-a/read-secrets"])
        #expect(outside.first?.path == "subjects[0]")
        let message = try #require(outside.first?.message)
        #expect(message.contains("outside tenant a, can get secrets, list secrets in its namespace team-a"), "\(message)")
        #expect(!message.contains("in its namespaces"))
        #expect(report.verdict("a")?.status(.controlPlane) == .fail)
        #expect(report.verdict("b")?.status(.controlPlane) == .pass)
    }

    @Test("a RoleBinding of a tenant for its own users and service accounts stays inside", arguments: [
        "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: \"a:admins\"}",
        "{kind: ServiceAccount, name: builder, namespace: team-a}",
        "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: \"system:serviceaccounts:team-a\"}",
        "{kind: User, apiGroup: rbac.authorization.k8s.io, name: \"system:serviceaccount:team-a:builder\"}",
    ])
    func ownSubjectsStayInside(_ subject: String) {
        let (findings, report) = Self.audit(subject)
        #expect(findings.filter { $0.ruleId.hasSuffix("-access") }.isEmpty, "\(findings.map(\.message))")
        #expect(report.verdict("a")?.status(.controlPlane) == .pass)
    }

    @Test("another tenant's service accounts, as a group or a user name, are outside", arguments: [
        "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: \"system:serviceaccounts:team-b\"}",
        "{kind: User, apiGroup: rbac.authorization.k8s.io, name: \"system:serviceaccount:team-b:default\"}",
    ])
    func otherTenantsServiceAccountsAreOutside(_ subject: String) throws {
        let (findings, report) = Self.audit(subject)
        // Charged to tenant b, whose service accounts hold the power; a's row points there.
        let access = findings.filter { $0.ruleId == "tenancy.cross-tenant-access" }
        #expect(access.map(\.object.description) == ["RoleBinding/team-a/read-secrets"])
        #expect(report.verdict("b")?.status(.controlPlane) == .fail)
        let controlPlane = try #require(report.verdict("a")?.layers.first { $0.layer == .controlPlane })
        #expect(controlPlane.evidence.contains { $0.chargedTo == "b" && $0.status == .warn })
        #expect(report.matrix.contains { $0.from == "b" && $0.to == "a" && $0.layers == [.controlPlane] })
    }

    @Test("a service account user name of a namespace nobody owns is outside")
    func unassignedServiceAccountUserIsOutside() {
        let (findings, report) = Self.audit("{kind: User, apiGroup: rbac.authorization.k8s.io, name: \"system:serviceaccount:ci:deployer\"}")
        #expect(findings.filter { $0.ruleId == "tenancy.outside-access" }.map(\.object.description) == ["RoleBinding/team-a/read-secrets"])
        #expect(report.verdict("a")?.status(.controlPlane) == .fail)
    }
}
