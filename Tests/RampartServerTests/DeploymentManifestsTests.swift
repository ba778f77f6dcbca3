import RampartModel
import RampartRules
import RampartServer
import Testing
import TestSupport

@Suite("The webhook's deployment manifests")
struct DeploymentManifestsTests {
    static let image = "ghcr.io/rampart-dev/rampart:0.1.0@sha256:4b2e1c4b5c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f"

    @Test func passTheAuditWithoutFindings() {
        var manifests = DeploymentManifests(image: Self.image)
        manifests.caBundle = "Y2E="
        let inventory = Fixtures.inventory(manifests.render())
        let findings = Auditor.audit(AuditContext(inventory: inventory), rules: Catalog.rules)
        #expect(findings.map { "\($0.ruleId) \($0.object) \($0.path): \($0.message)" } == [])
        #expect(inventory.objects.map(\.kind) == [
            "Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy", "NetworkPolicy", "ServiceAccount", "ConfigMap",
            "Deployment", "PodDisruptionBudget", "Service", "ValidatingWebhookConfiguration",
        ])
    }

    @Test func webhookConfigurationIsSafeForTheCluster() throws {
        var manifests = DeploymentManifests(image: Self.image)
        manifests.certManagerCertificate = "rampart-system/rampart-webhook"
        let configuration = try #require(Fixtures.objects(manifests.render()).first { $0.kind == "ValidatingWebhookConfiguration" })
        #expect(configuration.annotations["cert-manager.io/inject-ca-from"] == "rampart-system/rampart-webhook")
        let webhooks = configuration.root["webhooks"]?.items ?? []
        #expect(webhooks.compactMap { $0["failurePolicy"]?.string } == ["Fail", "Ignore"])
        for webhook in webhooks {
            #expect(webhook["timeoutSeconds"]?.int == 5)
            #expect(webhook["sideEffects"]?.string == "None")
            #expect(webhook["clientConfig"]?["caBundle"] == nil)
            let excluded = webhook["namespaceSelector"]?["matchExpressions"]?[0]?["values"]?.items.compactMap(\.string)
            #expect(excluded == ["kube-system", "rampart-system"])
            #expect(webhook["matchConditions"]?.items.count == 2)
        }
        let deployment = try #require(Fixtures.objects(manifests.render()).first { $0.kind == "Deployment" })
        #expect(deployment.root["spec"]?["replicas"]?.int == 2)
    }
}
