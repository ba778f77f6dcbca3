import RampartRules
import Testing

/// A ServiceAccount and its Pod, both written without a namespace, meet in `default` as they do on
/// the cluster: the account's `automountServiceAccountToken: false` counts for the pod.
@Suite struct DefaultNamespaceTests {
    @Test func serviceAccountWithoutNamespaceCountsForItsPods() {
        let fired = firedRules("""
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: app}
            automountServiceAccountToken: false
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec: {serviceAccountName: app, containers: [{name: c, image: x}]}
            """, rules: Catalog.rules.filter { $0.metadata.id == "serviceaccounts.token-automount" })
        #expect(fired.isEmpty)
    }
}
