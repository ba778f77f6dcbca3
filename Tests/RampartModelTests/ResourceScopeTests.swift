import RampartModel
import Testing
import TestSupport

/// Objects are placed where the API server stores them: namespaced objects written without a
/// namespace in `default`, cluster-scoped objects in no namespace whatever their manifest says.
@Suite struct ResourceScopeTests {
    static let inventory = Fixtures.inventory("""
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: app}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec: {serviceAccountName: app, containers: [{name: c, image: x}]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader, namespace: leftover}
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w}
        ---
        apiVersion: v1
        kind: Config
        clusters: []
        """)

    @Test func namespacedObjectsWithoutNamespaceLandInDefault() {
        #expect(Self.inventory.serviceAccount(namespace: "default", name: "app") != nil)
        #expect(Self.inventory.objects(ofKind: "Pod").first?.namespace == "default")
    }

    @Test func clusterScopedObjectsIgnoreALeftoverNamespace() {
        #expect(Self.inventory.objects(ofKind: "ClusterRole").first?.namespace == nil)
        #expect(!Self.inventory.namespaceNames.contains("leftover"))
    }

    @Test func customResourcesKeepWhatTheManifestSays() {
        #expect(Self.inventory.objects(ofKind: "Widget").first?.namespace == nil)
    }

    @Test("a kubeconfig shares the core apiVersion but is no namespaced object")
    func filesThatAreNotAPIObjectsStayOutsideNamespaces() {
        #expect(Self.inventory.objects(ofKind: "Config").first?.namespace == nil)
        #expect(Self.inventory.namespaceNames == ["default"])
    }
}
