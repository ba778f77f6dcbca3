import RampartLoading
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

    /// Issue 14: the manifests are trees written by `YAMLWriter`, so values given on the command
    /// line (image, namespace, CA bundle, cert-manager Certificate) and the name read back as given,
    /// in the objects and in the configuration file the ConfigMap holds.
    @Test(arguments: ["on", "NO", "~", "null", "1e3", "0x1F", ".inf", "a: b", "a #b", "-x", "*x", "!x", "%x", "@x", "\"q\"", "back\\slash",
                      "line\n---\nkind: Secret", " lead", "trail ", "日本語", "bell\u{07}", ""])
    func userValuesReadBackAsGiven(value: String) throws {
        for certManager in [false, true] {
            var manifests = DeploymentManifests(image: value)
            manifests.namespace = value
            manifests.name = value
            if certManager { manifests.certManagerCertificate = value } else { manifests.caBundle = value }
            let loaded = ManifestLoader.load(Array(manifests.render().utf8), file: "webhook.yaml")
            #expect(loaded.errors.map(\.description) == [])
            try #require(loaded.objects.count == 11)
            for object in loaded.objects {
                let name = object.root["metadata"]?["name"]?.string
                #expect(name == "default-deny" || name?.hasPrefix(value) == true)
                if object.kind != "Namespace" && object.kind != "ValidatingWebhookConfiguration" {
                    #expect(object.root["metadata"]?["namespace"]?.string == value)
                }
            }
            let deployment = try #require(loaded.objects.first { $0.kind == "Deployment" })
            let pod = deployment.root["spec"]?["template"]
            #expect(pod?["spec"]?["containers"]?[0]?["image"]?.string == value)
            #expect(pod?["metadata"]?["labels"]?["app.kubernetes.io/name"]?.string == value)
            #expect(pod?["spec"]?["securityContext"]?["runAsUser"]?.int == 65532)
            let config = try #require(loaded.objects.first { $0.kind == "ConfigMap" }?.root["data"]?["config.yaml"]?.string)
            let file = ManifestLoader.documents(Array(config.utf8), file: "config.yaml")
            #expect(file.errors.isEmpty)
            #expect(file.documents.first?["webhook"]?["exempt"]?["namespaces"]?[0]?.string == value)
            let configuration = try #require(loaded.objects.first { $0.kind == "ValidatingWebhookConfiguration" })
            for webhook in configuration.root["webhooks"]?.items ?? [] {
                #expect(webhook["namespaceSelector"]?["matchExpressions"]?[0]?["values"]?[1]?.string == value)
                #expect(webhook["clientConfig"]?["service"]?["namespace"]?.string == value)
                #expect(webhook["clientConfig"]?["caBundle"]?.string == (certManager ? nil : value))
            }
            #expect(configuration.annotations["cert-manager.io/inject-ca-from"] == (certManager ? value : nil))
        }
    }
}
