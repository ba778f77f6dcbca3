import Foundation
import RampartModel
import RampartRBAC
import Testing
import TestSupport

/// The built-in bootstrap roles follow Kubernetes 1.34–1.37 (rules of 1.36), and each says which
/// release it comes from. The bindings are written as a cluster has them; the roles are built in.
@Suite struct BootstrapPolicyTests {
    static let clusterBindings = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:service-account-issuer-discovery"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:service-account-issuer-discovery"}
        subjects: [{kind: Group, name: "system:serviceaccounts"}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:monitoring"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:monitoring"}
        subjects: [{kind: Group, name: "system:monitoring"}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:kube-apiserver-kubelet-client"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:kubelet-api-admin"}
        subjects: [{kind: User, name: kube-apiserver-kubelet-client}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:controller:device-taint-eviction-controller"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:controller:device-taint-eviction-controller"}
        subjects: [{kind: ServiceAccount, name: device-taint-eviction-controller, namespace: kube-system}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:node-proxier"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:node-proxier"}
        subjects: [{kind: User, name: "system:kube-proxy"}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: viewers, namespace: team-a}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: Group, name: team-a}]
        """

    let policy = RBACPolicy(inventory: Fixtures.inventory(clusterBindings))

    func allowed(_ user: RequestUser, _ verb: String, _ resource: String, namespace: String = "") -> Bool {
        policy.authorize(user, .parse(verb: verb, resource: resource, namespace: namespace)).allowed
    }

    @Test func serviceAccountIssuerDiscoveryAllowsTheTrailingSlashURLs() {
        let serviceAccount = RequestUser(name: "system:serviceaccount:team-a:app")
        #expect(allowed(serviceAccount, "get", "/openid/v1/jwks/"))
        #expect(allowed(serviceAccount, "get", "/.well-known/openid-configuration/"))
        #expect(allowed(serviceAccount, "get", "/openid/v1/jwks"))
        #expect(!allowed(serviceAccount, "get", "/openid/v1/jwks/extra"))
        #expect(policy.unresolvedBindings.isEmpty, "every binding resolves to a built-in role")
    }

    @Test func monitoringReadsFlagzStatuszAndKubeletMetrics() {
        let monitor = RequestUser(name: "prometheus", groups: ["system:monitoring"])
        #expect(allowed(monitor, "get", "/flagz"))
        #expect(allowed(monitor, "get", "/statusz"))
        #expect(allowed(monitor, "get", "nodes/metrics"))
        #expect(!allowed(monitor, "get", "nodes/proxy"))
    }

    @Test func kubeletAPIAdminHasTheFineGrainedKubeletSubresources() {
        let apiserver = RequestUser(name: "kube-apiserver-kubelet-client")
        for subresource in ["nodes/configz", "nodes/healthz", "nodes/pods", "nodes/metrics", "nodes/proxy"] {
            #expect(allowed(apiserver, "get", subresource), "\(subresource)")
        }
    }

    @Test func nodeProxierListsServiceCIDRs() {
        #expect(allowed(RequestUser(name: "system:kube-proxy"), "list", "servicecidrs.networking.k8s.io"))
    }

    @Test func viewReadsResourceClaimsAndNewEvents() {
        let member = RequestUser(name: "bob", groups: ["team-a"])
        #expect(allowed(member, "list", "resourceclaims.resource.k8s.io", namespace: "team-a"))
        #expect(allowed(member, "list", "events.events.k8s.io", namespace: "team-a"))
        #expect(!allowed(member, "create", "resourceclaims.resource.k8s.io", namespace: "team-a"))
    }

    @Test func deviceTaintEvictionControllerIsBuiltInSince136() throws {
        let controller = RequestUser(name: "system:serviceaccount:kube-system:device-taint-eviction-controller")
        #expect(allowed(controller, "delete", "pods", namespace: "team-a"))
        #expect(allowed(controller, "list", "devicetaintrules.resource.k8s.io"))
        #expect(!allowed(controller, "create", "pods", namespace: "team-a"))
        let role = try #require(BootstrapPolicy.definition(of: .clusterRole("system:controller:device-taint-eviction-controller")))
        #expect(role.since == "1.36")
    }

    @Test func endpointSliceControllersDoNotGetOpenShiftsRestrictedSubresource() {
        // `endpointslices/restricted` is OpenShift's addition to its fork, not upstream's policy.
        let rules = BootstrapPolicy.definition(of: .clusterRole("system:controller:endpointslice-controller"))?.rules ?? []
        #expect(!rules.isEmpty)
        #expect(!rules.contains { $0.resources.contains("endpointslices/restricted") })
    }

    @Test func everyBuiltInRoleSaysWhichReleaseItComesFrom() throws {
        let releases = BootstrapPolicy.kubernetesReleases
        #expect(releases == ["1.34", "1.35", "1.36", "1.37"])
        #expect(releases.contains(BootstrapPolicy.rulesRelease))
        for name in ["admin", "edit", "view", "cluster-admin", "system:node", "system:controller:podcheckpoint-controller"] {
            let role = try #require(BootstrapPolicy.definition(of: .clusterRole(name)), "\(name)")
            #expect(releases.contains(role.since), "\(name): since \(role.since)")
            #expect(releases.contains(role.rulesAsOf), "\(name): rules as of \(role.rulesAsOf)")
        }
        #expect(BootstrapPolicy.definition(of: .clusterRole("view"))?.since == "1.34")
        #expect(BootstrapPolicy.definition(of: .clusterRole("system:controller:podcheckpoint-controller"))?.since == "1.37")
        #expect(BootstrapPolicy.definition(of: .clusterRole("nowhere")) == nil)
        let signer = RoleKey(kind: .role, namespace: "kube-public", name: "system:controller:bootstrap-signer")
        #expect(BootstrapPolicy.definition(of: signer)?.rulesAsOf == "1.36")
    }

    /// Every role of the shared upstream data is built in (the generator was run on it).
    @Test(.enabled(if: Fixtures.sharedDirectory != nil)) func everyRoleOfTheSharedDataIsBuiltIn() throws {
        let directory = try #require(Fixtures.sharedDirectory).appendingPathComponent("k8s-bootstrap-rbac")
        for file in ["cluster-roles.yaml", "controller-roles.yaml", "namespace-roles.yaml"] {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let objects = Fixtures.objects(text, file: file)
            #expect(objects.count > 5, "\(file): a List's items are read as objects")
            for object in objects {
                let kind: RoleKind = object.kind == "Role" ? .role : .clusterRole
                let key = RoleKey(kind: kind, namespace: kind == .role ? object.namespace : nil, name: object.name)
                #expect(BootstrapPolicy.definition(of: key) != nil, "\(file): \(key)")
            }
        }
    }
}
