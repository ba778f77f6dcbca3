import RampartModel
import RampartRBAC
import Testing
import TestSupport

/// The authorizer's semantics on small embedded manifests (the traps of RBAC, one per test).
@Suite struct AuthorizerTests {
    static let manifests = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: pod-reader}
        rules:
        - {apiGroups: [""], resources: [pods, pods/log], verbs: [get, list]}
        - {apiGroups: [apps], resources: ["*/scale"], verbs: [update]}
        - {apiGroups: [""], resources: [secrets], resourceNames: [app-config], verbs: [get]}
        - {nonResourceURLs: ["/healthz", "/metrics/*"], verbs: [get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: readers, namespace: team-a}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
        subjects:
        - {kind: User, name: alice}
        - {kind: ServiceAccount, name: ci}
        - {kind: Group, name: "system:serviceaccounts:team-b"}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: metrics}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
        subjects:
        - {kind: Group, name: monitoring}
        """

    let policy = RBACPolicy(inventory: Fixtures.inventory(manifests))
    let alice = RequestUser(name: "alice")

    func allowed(_ user: RequestUser, _ verb: String, _ resource: String, namespace: String = "", name: String = "") -> Bool {
        policy.authorize(user, .parse(verb: verb, resource: resource, name: name, namespace: namespace)).allowed
    }

    @Test func roleBindingToClusterRoleGrantsOnlyInItsNamespace() {
        #expect(allowed(alice, "get", "pods", namespace: "team-a"))
        #expect(!allowed(alice, "get", "pods", namespace: "team-b"))
        #expect(!allowed(alice, "list", "pods"), "a cluster-wide list needs a ClusterRoleBinding")
        #expect(!allowed(alice, "get", "/healthz"), "non-resource URLs need a ClusterRoleBinding")
    }

    @Test func subresourcesAreSeparateResources() {
        #expect(allowed(alice, "get", "pods/log", namespace: "team-a"))
        #expect(!allowed(alice, "get", "pods/exec", namespace: "team-a"))
        #expect(allowed(alice, "update", "deployments.apps/scale", namespace: "team-a"), "*/scale covers every scale subresource")
        #expect(!allowed(alice, "update", "deployments.apps", namespace: "team-a"))
        #expect(!allowed(alice, "update", "deployments/scale", namespace: "team-a"), "the core group is not apps")
    }

    @Test func resourceNamesNeedANamedRequest() {
        #expect(allowed(alice, "get", "secrets", namespace: "team-a", name: "app-config"))
        #expect(!allowed(alice, "get", "secrets", namespace: "team-a", name: "other"))
        #expect(!allowed(alice, "get", "secrets", namespace: "team-a"))
    }

    @Test func nonResourceURLsMatchExactlyOrByStarPrefix() {
        let monitor = RequestUser(name: "prometheus", groups: ["monitoring"])
        #expect(allowed(monitor, "get", "/healthz"))
        #expect(!allowed(monitor, "get", "/healthz/ready"))
        #expect(allowed(monitor, "get", "/metrics/cadvisor"))
        #expect(!allowed(monitor, "get", "/metrics"), "'/metrics/*' needs the slash")
        #expect(allowed(monitor, "list", "pods"), "a ClusterRoleBinding grants cluster-wide")
    }

    @Test func serviceAccountsGetTheirNamespaceAndImplicitGroups() {
        let ci = RequestUser(name: "system:serviceaccount:team-a:ci")
        #expect(ci.groups == ["system:serviceaccounts", "system:serviceaccounts:team-a", "system:authenticated"])
        #expect(allowed(ci, "get", "pods", namespace: "team-a"), "a subject without namespace is the binding's")
        #expect(!allowed(RequestUser(name: "system:serviceaccount:team-c:ci"), "get", "pods", namespace: "team-a"))
        #expect(allowed(RequestUser(name: "system:serviceaccount:team-b:builder"), "get", "pods", namespace: "team-a"))
    }

    @Test func systemMastersIsAllowedEverythingAndListed() {
        let admin = RequestUser(name: "root", groups: ["system:masters"])
        let decision = policy.authorize(admin, .parse(verb: "delete", resource: "nodes"))
        #expect(decision.allowed)
        #expect(decision.via.first?.subject == Subject(kind: .group, name: "system:masters"))
        #expect(policy.subjects(allowedTo: .parse(verb: "delete", resource: "nodes")).subjects == [Subject(kind: .group, name: "system:masters")])
        #expect(policy.rules(for: admin, namespace: "").rules.isEmpty, "system:masters is not RBAC")
    }

    @Test func whoCanListsSubjectsAsWrittenWithServiceAccountNamespaces() {
        let subjects = policy.subjects(allowedTo: .parse(verb: "get", resource: "pods", namespace: "team-a")).subjects
        #expect(subjects == [
            Subject(kind: .group, name: "monitoring"),
            Subject(kind: .group, name: "system:masters"),
            Subject(kind: .group, name: "system:serviceaccounts:team-b"),
            Subject(kind: .serviceAccount, name: "ci", namespace: "team-a"),
            Subject(kind: .user, name: "alice"),
        ])
    }

    @Test func viaNamesBindingRoleAndRule() throws {
        let via = try #require(policy.authorize(alice, .parse(verb: "get", resource: "pods", namespace: "team-a")).via.first)
        #expect(via.binding?.description == "RoleBinding/team-a/readers")
        #expect(via.role == .clusterRole("pod-reader"))
        #expect(via.ruleIndex == 0)
        #expect(!via.builtInRole)
    }

    @Test func parsesKubectlResourceSyntax() {
        #expect(AccessRequest.parse(verb: "update", resource: "deployments.apps/scale", namespace: "ns").target
                == .resource(apiGroup: "apps", resource: "deployments", subresource: "scale", name: ""))
        #expect(AccessRequest.parse(verb: "get", resource: "certificatesigningrequests.certificates.k8s.io").target
                == .resource(apiGroup: "certificates.k8s.io", resource: "certificatesigningrequests", subresource: "", name: ""))
        #expect(AccessRequest.parse(verb: "get", resource: "/apis/*", namespace: "ignored").namespace == "")
    }
}
