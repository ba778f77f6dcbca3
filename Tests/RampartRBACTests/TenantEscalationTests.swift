import RampartModel
import RampartRBAC
import Testing
import TestSupport

/// Paths out of tenants, with the Capsule advisories of 2025–26 written as the manifests they
/// describe: a namespace hijack through `namespaces/status` and `namespaces/finalize`
/// (GHSA-2ww6-hf35-mfjm), cluster-scoped objects through the controller's TenantResources
/// (CVE-2026-22872), and a tenant owner rewriting its namespace's Pod Security labels.
@Suite struct TenantEscalationTests {
    static func grant(_ name: String, rule: String, to subject: String, namespace: String? = nil) -> String {
        EscalationTests.grant(name, rule: rule, to: subject, namespace: namespace)
    }
    static let rbac = EscalationTests.rbac

    /// Tenants `solar` (namespace solar-dev) and `oil` (oil-dev), Capsule-labelled, both enforcing
    /// restricted; alice owns solar through the RoleBinding Capsule writes (admin in solar-dev).
    static let capsule = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: solar-dev, labels: {capsule.clastix.io/tenant: solar, pod-security.kubernetes.io/enforce: restricted}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: oil-dev, labels: {capsule.clastix.io/tenant: oil, pod-security.kubernetes.io/enforce: restricted}}
        ---
        \(rbac)
        kind: RoleBinding
        metadata: {name: capsule-solar-0-admin, namespace: solar-dev}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: alice}]
        ---

        """

    static let alice = Subject(kind: .user, name: "alice")

    func paths(_ yaml: String, from tenant: String, to target: String? = nil) -> [EscalationPath] {
        let inventory = Fixtures.inventory(yaml)
        var analysis = EscalationAnalysis(policy: RBACPolicy(inventory: inventory), inventory: inventory)
        return analysis.paths(outOf: tenant, in: TenantAssignment(labelsOf: inventory), to: target)
    }

    @Test func tenantSubjectsAreItsAccountsAndItsOwnUsers() {
        let inventory = Fixtures.inventory(Self.capsule + Self.grant("viewer", rule: "{apiGroups: [\"\"], resources: [pods], verbs: [get]}",
                                                                    to: "{kind: User, name: bob}", namespace: "oil-dev")
            + Self.grant("both", rule: "{apiGroups: [\"\"], resources: [pods], verbs: [get]}", to: "{kind: User, name: bob}", namespace: "solar-dev"))
        let analysis = EscalationAnalysis(policy: RBACPolicy(inventory: inventory), inventory: inventory)
        let subjects = analysis.subjects(of: "solar", in: TenantAssignment(labelsOf: inventory))
        #expect(subjects == [Subject(kind: .serviceAccount, name: "default", namespace: "solar-dev"), Subject(kind: .user, name: "alice")],
                "bob is bound in both tenants: he is neither's")
    }

    @Test(arguments: ["namespaces/status", "namespaces/finalize"])
    func namespaceHijackThroughSubresources(subresource: String) throws {
        let yaml = Self.capsule + Self.grant("hijack", rule: "{apiGroups: [\"\"], resources: [\"\(subresource)\"], verbs: [update, patch]}",
                                             to: "{apiGroup: rbac.authorization.k8s.io, kind: User, name: alice}")
        let path = try #require(paths(yaml, from: "solar", to: "oil").first)
        #expect(paths(yaml, from: "solar", to: "oil").count == 1, "only the tenant asked for")
        #expect(path.from == Self.alice)
        #expect(path.goal == EscalationPath.Goal(kind: .tenant, tenant: "oil"))
        #expect(path.steps.map(\.technique) == [.relabelNamespace])
        #expect(path.steps[0].explanation.contains(subresource))
        #expect(path.steps[0].via.first?.binding?.description == "ClusterRoleBinding/hijack")
        #expect(paths(Self.capsule, from: "solar").isEmpty, "admin in its own namespace alone leads nowhere")
    }

    static func capsuleController(version: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: capsule-controller-manager, namespace: capsule-system}
        spec:
          selector: {matchLabels: {app: capsule}}
          template:
            metadata: {labels: {app: capsule}}
            spec:
              serviceAccountName: capsule
              containers: [{name: manager, image: "ghcr.io/projectcapsule/capsule:\(version)"}]
        ---
        \(rbac)
        kind: ClusterRoleBinding
        metadata: {name: capsule-manager-rolebinding}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects: [{kind: ServiceAccount, name: capsule, namespace: capsule-system}]
        ---

        """
    }

    @Test func tenantResourcesActAsTheCapsuleControllerBefore0_13() throws {
        let owner = Self.grant("tenantresources", rule: "{apiGroups: [capsule.clastix.io], resources: [tenantresources], verbs: [create]}",
                               to: "{apiGroup: rbac.authorization.k8s.io, kind: User, name: alice}", namespace: "solar-dev")
        let vulnerable = Self.capsule + owner + Self.capsuleController(version: "v0.12.4")
        let path = try #require(paths(vulnerable, from: "solar").first)
        #expect(path.goal == .clusterAdmin)
        #expect(path.steps.map(\.technique) == [.controllerDeputy, .clusterAdmin])
        #expect(path.steps[0].subject == Subject(kind: .serviceAccount, name: "capsule", namespace: "capsule-system"))
        #expect(path.steps[0].explanation.contains("CVE-2026-22872"))
        #expect(!paths(Self.capsule + owner + Self.capsuleController(version: "v0.13.0"), from: "solar").contains { $0.goal == .clusterAdmin })
    }

    @Test func rewritingPodSecurityLabelsTakesTheNodes() throws {
        let labeller = Self.grant("namespace-labels", rule: "{apiGroups: [\"\"], resources: [namespaces], verbs: [patch]}",
                                  to: "{apiGroup: rbac.authorization.k8s.io, kind: User, name: alice}", namespace: "solar-dev")
        let found = paths(Self.capsule + labeller, from: "solar")
        let nodes = try #require(found.first { $0.goal == .nodes })
        #expect(nodes.steps.map(\.technique) == [.escapeToNode])
        #expect(nodes.steps[0].via.count == 2, "the label write and the pod creation")
        #expect(found.contains { $0.goal.tenant == "oil" && $0.steps.map(\.technique) == [.relabelNamespace] },
                "a namespace relabelled capsule.clastix.io/tenant=oil joins oil")
        let privileged = Self.capsule.replacingOccurrences(of: "tenant: solar, pod-security.kubernetes.io/enforce: restricted", with: "tenant: solar")
        #expect(paths(privileged, from: "solar").map(\.goal) == [.nodes], "without an enforced level, pods alone take the nodes")
    }

    static let argo = """
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata: {name: solar, namespace: argocd}
        spec:
          sourceNamespaces: [solar-*]
          destinations: [{server: "https://kubernetes.default.svc", namespace: "*-dev"}]
        ---

        """

    @Test func argoProjectsBeyondTheTenantActForIt() throws {
        let applications = Self.grant("apps", rule: "{apiGroups: [argoproj.io], resources: [applications], verbs: [create]}",
                                      to: "{apiGroup: rbac.authorization.k8s.io, kind: User, name: alice}", namespace: "solar-dev")
        let path = try #require(paths(Self.capsule + Self.argo + applications, from: "solar", to: "oil").first)
        #expect(path.steps.map(\.technique) == [.argoApplication])
        #expect(path.steps[0].to == "what Argo CD deploys in namespace oil-dev")
        #expect(path.goal.namespace == "oil-dev")
        let narrow = Self.argo.replacingOccurrences(of: "*-dev", with: "solar-*")
        let inside = paths(Self.capsule + narrow + applications, from: "solar")
        #expect(!inside.contains { $0.goal.namespace == "oil-dev" })
        // Still a way out: the controller writes a RoleBinding in solar-dev (the project does not
        // blacklist RBAC objects), which makes alice admin of the Namespace object too.
        #expect(inside.first { $0.goal.tenant == "oil" }?.steps.map(\.technique) == [.argoApplication, .bind, .relabelNamespace])
        let cluster = Self.argo.replacingOccurrences(of: "destinations:", with: "clusterResourceWhitelist: [{group: \"*\", kind: \"*\"}]\n  destinations:")
        #expect(paths(Self.capsule + cluster + applications, from: "solar").first?.goal == .clusterAdmin)
    }

    static func flux(_ args: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: kustomize-controller, namespace: flux-system}
        spec:
          template:
            spec:
              serviceAccountName: kustomize-controller
              containers: [{name: manager, image: "ghcr.io/fluxcd/kustomize-controller:v1.4.0", args: [\(args)]}]
        ---
        \(rbac)
        kind: ClusterRoleBinding
        metadata: {name: cluster-reconciler-flux-system}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects: [{kind: ServiceAccount, name: kustomize-controller, namespace: flux-system}]
        ---

        """
    }

    @Test func fluxWithoutADefaultServiceAccountRunsAsTheController() {
        let kustomizations = Self.grant("flux", rule: "{apiGroups: [kustomize.toolkit.fluxcd.io], resources: [kustomizations], verbs: [create]}",
                                        to: "{apiGroup: rbac.authorization.k8s.io, kind: User, name: alice}", namespace: "solar-dev")
        #expect(paths(Self.capsule + kustomizations + Self.flux("--watch-all-namespaces"), from: "solar").first?.steps.map(\.technique)
                == [.controllerDeputy, .clusterAdmin])
        #expect(paths(Self.capsule + kustomizations + Self.flux("--default-service-account=default"), from: "solar").isEmpty)
    }

    @Test func approvingClientCertificatesIsClusterAdmin() {
        let rules = """
            {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests], verbs: [create]}, \
            {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}, \
            {apiGroups: [certificates.k8s.io], resources: [signers], resourceNames: ["kubernetes.io/*"], verbs: [approve]}
            """
        let yaml = Self.capsule + Self.grant("csr", rule: rules, to: "{kind: ServiceAccount, name: default, namespace: solar-dev}")
        #expect(paths(yaml, from: "solar").first?.steps.map(\.technique) == [.approveCertificate])
    }

    @Test func pathsOutOfSeveralTenantsAreThoseOutOfEachAlone() {
        // Each tenant may create pods in the other's namespace: oil's walk reaches solar-dev/default,
        // solar's origin. One walk's arrays serve every tenant in turn, so a walk that did not
        // forget what the one before reached would find nothing out of solar.
        let toOil = Self.grant("solar-into-oil", rule: "{apiGroups: [\"\"], resources: [pods], verbs: [create]}",
                               to: "{kind: ServiceAccount, name: default, namespace: solar-dev}", namespace: "oil-dev")
        let toSolar = Self.grant("oil-into-solar", rule: "{apiGroups: [\"\"], resources: [pods], verbs: [create]}",
                                 to: "{kind: ServiceAccount, name: default, namespace: oil-dev}", namespace: "solar-dev")
        let inventory = Fixtures.inventory(Self.capsule + toOil + toSolar)
        let assignment = TenantAssignment(labelsOf: inventory)
        var analysis = EscalationAnalysis(policy: RBACPolicy(inventory: inventory), inventory: inventory)
        let described = { (paths: [EscalationPath]) in paths.map { "\($0.from) \($0.pair): \($0.summary)" } }
        let together = described(analysis.paths(outOf: ["oil", "solar"], in: assignment))
        let alone = ["oil", "solar"].flatMap { tenant in
            var fresh = EscalationAnalysis(policy: RBACPolicy(inventory: inventory), inventory: inventory)
            return described(fresh.paths(outOf: tenant, in: assignment))
        }
        #expect(together == alone)
        #expect(together.contains { $0.contains("tenant solar → tenant oil") })
        #expect(together.contains { $0.contains("tenant oil → tenant solar") })
    }

    @Test func theCutClosesEveryPathOutOfEveryTenant() throws {
        // solar-dev/default reaches oil in one step (its grant there), and the nodes and oil again
        // through pods in ci that run as ci/deployer, whose Argo CD Applications the project deploys.
        let direct = Self.grant("deploy-oil", rule: "{apiGroups: [\"\"], resources: [pods], verbs: [create]}",
                                to: "{kind: ServiceAccount, name: default, namespace: solar-dev}", namespace: "oil-dev")
        let ci = Self.grant("ci-pods", rule: "{apiGroups: [\"\"], resources: [pods], verbs: [create]}",
                            to: "{kind: ServiceAccount, name: default, namespace: solar-dev}", namespace: "ci")
        let argo = Self.grant("apps", rule: "{apiGroups: [argoproj.io], resources: [applications], verbs: [create]}",
                              to: "{kind: ServiceAccount, name: deployer, namespace: ci}", namespace: "ci")
        let project = Self.argo.replacingOccurrences(of: "[solar-*]", with: "[solar-*, ci]")
        let inventory = Fixtures.inventory(Self.capsule + direct + ci + argo + project)
        let analysis = EscalationAnalysis(policy: RBACPolicy(inventory: inventory), inventory: inventory)
        let assignment = TenantAssignment(labelsOf: inventory)
        let cut = analysis.boundaryCut(assignment)
        let removed = Set(cut.removals.map(\.binding.description))
        #expect(removed.contains("RoleBinding/oil-dev/deploy-oil"))
        #expect(removed.count == 2 && !removed.isDisjoint(with: ["RoleBinding/ci/ci-pods", "RoleBinding/ci/apps"]))
        #expect(cut.uncut.isEmpty)
        #expect(cut.removals.map(\.closes) == cut.removals.map(\.closes).sorted(by: >), "most paths closed first")
        #expect(cut.approximate)
        let withoutDirect = Fixtures.inventory(Self.capsule + ci + argo + project)
        var rest = EscalationAnalysis(policy: RBACPolicy(inventory: withoutDirect), inventory: withoutDirect)
        #expect(rest.paths(outOf: "solar", in: assignment, to: "oil").first?.steps.first?.technique == .createWorkloads,
                "without the direct grant, the longer path through ci remains")
    }

}
