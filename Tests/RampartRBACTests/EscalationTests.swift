import RampartModel
import RampartRBAC
import Testing
import TestSupport

/// Escalation paths on small clusters, one technique at a time, and a path of three steps.
@Suite struct EscalationTests {
    static let rbac = "apiVersion: rbac.authorization.k8s.io/v1"

    /// A ClusterRole with one rule and a binding of it (a RoleBinding when `namespace` is given).
    static func grant(_ name: String, rule: String, to subject: String, namespace: String? = nil) -> String {
        let binding = namespace.map { "kind: RoleBinding\nmetadata: {name: \(name), namespace: \($0)}" }
            ?? "kind: ClusterRoleBinding\nmetadata: {name: \(name)}"
        return """
            \(rbac)
            kind: ClusterRole
            metadata: {name: \(name)}
            rules: [\(rule)]
            ---
            \(rbac)
            \(binding)
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: \(name)}
            subjects: [\(subject)]
            ---

            """
    }

    static let opsIsClusterAdmin = """
        \(rbac)
        kind: ClusterRoleBinding
        metadata: {name: ops}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects: [{kind: ServiceAccount, name: ops, namespace: kube-system}]
        ---

        """

    static let tenants = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-a, labels: {rampart.dev/tenant: a}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-b, labels: {rampart.dev/tenant: b}}
        ---

        """

    func adminPaths(_ yaml: String, from subject: Subject) -> [EscalationPath] {
        var analysis = EscalationAnalysis(policy: RBACPolicy(inventory: Fixtures.inventory(yaml)), inventory: Fixtures.inventory(yaml))
        return analysis.clusterAdminPaths(from: [subject])
    }

    func tenantPaths(_ yaml: String, from subject: Subject) -> [EscalationPath] {
        var analysis = EscalationAnalysis(policy: RBACPolicy(inventory: Fixtures.inventory(yaml)), inventory: Fixtures.inventory(yaml))
        return analysis.tenantPaths(from: subject)
    }

    static let alice = Subject(kind: .user, name: "alice")

    /// alice creates pods in ci → runs as ci/deployer, which reads every Secret → the legacy token
    /// of kube-system/ops → cluster-admin.
    static let threeSteps = grant("pod-runner", rule: "{apiGroups: [\"\"], resources: [pods], verbs: [create]}",
                                  to: "{kind: User, name: alice}", namespace: "ci")
        + grant("secret-reader", rule: "{apiGroups: [\"\"], resources: [secrets], verbs: [get]}",
                to: "{kind: ServiceAccount, name: deployer, namespace: ci}")
        + opsIsClusterAdmin + """
        apiVersion: v1
        kind: Secret
        metadata:
          name: ops-token
          namespace: kube-system
          annotations: {kubernetes.io/service-account.name: ops}
        type: kubernetes.io/service-account-token
        """

    @Test func threeStepPathIsFoundAndExplained() throws {
        let path = try #require(adminPaths(Self.threeSteps, from: Self.alice).first)
        #expect(path.goal == .clusterAdmin)
        #expect(path.steps.map(\.technique) == [.createWorkloads, .readTokenSecret, .clusterAdmin])
        #expect(path.steps.map(\.subject) == [Subject(kind: .serviceAccount, name: "deployer", namespace: "ci"),
                                              Subject(kind: .serviceAccount, name: "ops", namespace: "kube-system"), nil])
        #expect(path.steps[0].via.first?.binding?.description == "RoleBinding/ci/pod-runner")
        #expect(path.steps[0].explanation.contains("may create pods in namespace ci"))
        #expect(path.steps[1].explanation.contains("Secret kube-system/ops-token"))
        #expect(path.steps[2].via.first?.role == .clusterRole("cluster-admin"))
        #expect(path.steps[2].via.first?.builtInRole == true)
    }

    @Test func withoutTheTokenSecretThereIsNoPath() {
        let yaml = Self.threeSteps.components(separatedBy: "apiVersion: v1\nkind: Secret")[0]
        #expect(adminPaths(yaml, from: Self.alice).isEmpty)
    }

    @Test func impersonatingAnyGroupIsSystemMasters() throws {
        let yaml = Self.grant("impersonator", rule: "{apiGroups: [\"\"], resources: [users, groups], verbs: [impersonate]}",
                              to: "{kind: User, name: alice}")
        let path = try #require(adminPaths(yaml, from: Self.alice).first)
        #expect(path.steps.map(\.technique) == [.impersonate])
    }

    @Test func impersonatingNamedUsersTakesTheirBindings() throws {
        let yaml = Self.grant("impersonator", rule: "{apiGroups: [\"\"], resources: [users], verbs: [impersonate], resourceNames: [root]}",
                              to: "{kind: User, name: alice}")
            + Self.grant("root", rule: "{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}", to: "{kind: User, name: root}")
        let path = try #require(adminPaths(yaml, from: Self.alice).first)
        #expect(path.steps.map(\.technique) == [.impersonate, .clusterAdmin])
        #expect(path.steps[0].subject == Subject(kind: .user, name: "root"))
    }

    @Test func bindingANamedClusterRoleTakesIt() throws {
        let yaml = Self.grant("binder", rule: """
            {apiGroups: [rbac.authorization.k8s.io], resources: [clusterrolebindings], verbs: [create]},
            {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind], resourceNames: [cluster-admin]}
            """, to: "{kind: User, name: alice}")
        let path = try #require(adminPaths(yaml, from: Self.alice).first)
        #expect(path.steps.map(\.technique) == [.bind, .clusterAdmin])
        #expect(path.steps[0].to == "ClusterRole/cluster-admin bound cluster-wide")
        #expect(path.steps[0].via.count == 2, "both the binding write and the bind verb are shown")
    }

    @Test func bindInANamespaceIsAdminThereOnly() {
        let yaml = Self.grant("binder", rule: """
            {apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [create]},
            {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind]}
            """, to: "{kind: User, name: alice}", namespace: "ci")
        #expect(adminPaths(yaml, from: Self.alice).isEmpty)
        #expect(adminPaths(yaml + Self.opsIsClusterAdmin.replacingOccurrences(of: "kube-system", with: "ci"), from: Self.alice)
            .first?.steps.map(\.technique) == [.bind, .createWorkloads, .clusterAdmin])
    }

    @Test func escalateOnClusterRolesIsClusterAdmin() throws {
        let yaml = Self.grant("escalator", rule: "{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [update, escalate]}",
                              to: "{kind: Group, name: platform}")
        let path = try #require(adminPaths(yaml, from: Subject(kind: .group, name: "platform")).first)
        #expect(path.steps.map(\.technique) == [.escalate])
    }

    @Test func mintingATokenSecretTakesAnyAccountOfTheNamespace() throws {
        let yaml = Self.grant("secret-writer", rule: "{apiGroups: [\"\"], resources: [secrets], verbs: [create, get]}",
                              to: "{kind: User, name: alice}", namespace: "kube-system") + Self.opsIsClusterAdmin
        let path = try #require(adminPaths(yaml, from: Self.alice).first)
        #expect(path.steps.map(\.technique) == [.mintTokenSecret, .clusterAdmin])
        #expect(path.steps[0].subject == Subject(kind: .serviceAccount, name: "ops", namespace: "kube-system"))
    }

    @Test func serviceAccountTokensOfNamedAccounts() {
        let named = Self.grant("tokens", rule: "{apiGroups: [\"\"], resources: [serviceaccounts/token], verbs: [create], resourceNames: [ops]}",
                               to: "{kind: User, name: alice}", namespace: "kube-system") + Self.opsIsClusterAdmin
        #expect(adminPaths(named, from: Self.alice).first?.steps.map(\.technique) == [.createToken, .clusterAdmin])
        let other = named.replacingOccurrences(of: "resourceNames: [ops]", with: "resourceNames: [builder]")
        #expect(adminPaths(other, from: Self.alice).isEmpty)
    }

    /// Exec reaches only the accounts whose tokens running pods mount.
    static func pod(_ name: String, account: String, automount: Bool?) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: \(name), namespace: kube-system}
        spec:
          serviceAccountName: \(account)
          \(automount.map { "automountServiceAccountToken: \($0)" } ?? "")
          containers: [{name: main, image: busybox}]
        ---

        """
    }

    @Test func execTakesTheTokensRunningPodsMount() {
        let exec = Self.grant("exec", rule: "{apiGroups: [\"\"], resources: [pods/exec], verbs: [create]}",
                              to: "{kind: User, name: alice}", namespace: "kube-system") + Self.opsIsClusterAdmin
        #expect(adminPaths(exec + Self.pod("ops", account: "ops", automount: nil), from: Self.alice)
            .first?.steps.map(\.technique) == [.execInPods, .clusterAdmin])
        #expect(adminPaths(exec + Self.pod("ops", account: "ops", automount: false), from: Self.alice).isEmpty)
        let proxy = Self.grant("kubelet", rule: "{apiGroups: [\"\"], resources: [nodes/proxy], verbs: [get]}",
                               to: "{kind: User, name: alice}") + Self.opsIsClusterAdmin + Self.pod("ops", account: "ops", automount: true)
        #expect(adminPaths(proxy, from: Self.alice).first?.steps.map(\.technique) == [.nodesProxy, .clusterAdmin])
    }

    @Test func pathsIntoOtherTenants() throws {
        let yaml = Self.tenants + Self.grant("cross", rule: "{apiGroups: [apps], resources: [deployments], verbs: [patch]}",
                                             to: "{kind: ServiceAccount, name: app, namespace: team-a}, {kind: ServiceAccount, name: app}",
                                             namespace: "team-b")
        let paths = tenantPaths(yaml, from: Subject(kind: .serviceAccount, name: "app", namespace: "team-a"))
        let path = try #require(paths.first)
        #expect(paths.count == 1)
        #expect(path.goal == EscalationPath.Goal(kind: .tenant, tenant: "b", namespace: "team-b"))
        #expect(path.steps.map(\.to) == ["any service account of namespace team-b"])
        #expect(tenantPaths(yaml, from: Subject(kind: .serviceAccount, name: "app", namespace: "team-b")).isEmpty,
                "a tenant's own namespaces are not a boundary")
    }

    @Test func clusterAdminPathsReplaceTenantPaths() {
        let yaml = Self.tenants + Self.grant("god", rule: "{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}",
                                             to: "{kind: ServiceAccount, name: app, namespace: team-a}")
        let app = Subject(kind: .serviceAccount, name: "app", namespace: "team-a")
        #expect(tenantPaths(yaml, from: app).isEmpty)
        #expect(adminPaths(yaml, from: app).first?.steps.map(\.technique) == [.clusterAdmin])
    }

    @Test func narrowRolesHaveNoPaths() {
        let yaml = Self.tenants + Self.grant("reader", rule: "{apiGroups: [\"\", apps], resources: [pods, pods/log, deployments], verbs: [get, list, watch]}",
                                             to: "{kind: Group, name: a-devs}", namespace: "team-a") + Self.opsIsClusterAdmin
        let devs = Subject(kind: .group, name: "a-devs")
        #expect(adminPaths(yaml, from: devs).isEmpty)
        #expect(tenantPaths(yaml, from: devs).isEmpty)
    }
}
