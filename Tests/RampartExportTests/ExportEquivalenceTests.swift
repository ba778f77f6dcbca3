import Foundation
import RampartClusterAdmission
import RampartExport
import RampartLoading
import RampartModel
import RampartPolicy
import RampartRules
import Testing
import TestSupport

/// Every exported policy, evaluated by Rampart's own CEL engine as the API server would, gives the
/// native rule's verdict on every object of the rule fixture matrix, the example cluster, the
/// custom-rules example and the real-world corpus: an object the rule reports is denied, an object
/// it passes is admitted.
@Suite struct ExportEquivalenceTests {
    /// The whole catalog and the custom-rules example's rules.
    static let rules: [any Rule] = Catalog.rules + ExampleRules.all
    /// The fixture matrix's allow-list, and entries that exercise the normalisation of image names
    /// (Docker Hub's official images and namespaces, an upper-case host, a host with a port).
    static let settings = RuleSettings(allowedRegistries: ["registry.example.com", "library", "docker.io/bitnami", "quay.io/prometheus",
                                                           "nginx", "Registry.K8s.io", "localhost:5000/"])
    static let export = PolicyExport(rules: rules, tenancy: nil, settings: settings)
    static let exported: [any Rule] = rules.filter { rule in export.policies.contains { $0.rule.id == rule.metadata.id } }

    /// The exported policies read back from the YAML, each bound in every namespace with Deny (the
    /// export's own bindings leave the platform's namespaces out; equivalence is proven everywhere).
    static let policyObjects: [KubeObject] = {
        var text = export.yaml
        for policy in export.policies {
            text += "\n---\napiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\n"
                + "metadata: {name: \(policy.name)-everywhere}\nspec: {policyName: \(policy.name), validationActions: [Deny]}\n"
        }
        return ManifestLoader.load(Array(text.utf8), file: "export.yaml").objects
            .filter { $0.kind != "ValidatingAdmissionPolicyBinding" || $0.name.hasSuffix("-everywhere") }
    }()

    @Test func everyOneObjectRuleExportsButThoseThatReadOtherObjectsOrValueStatistics() {
        let ids = Set(Self.export.policies.map(\.rule.id))
        let podSecurity = PodSecurityRules.all.map(\.metadata.id)
        #expect(ids.isSuperset(of: podSecurity + ["images.latest-tag", "images.untrusted-registry", "containers.run-as-root-group",
                                                  "serviceaccounts.default-account", "secrets.env-from-secret",
                                                  "exposure.ingress-without-tls", "rbac.wildcard-rules", "resources.device-admin-access",
                                                  "custom.cost-centre-label"]))
        let oneObject = Set(Catalog.rules.filter(\.scope.judgesOneObject).map(\.metadata.id))
        let left = Self.export.notExported.filter { oneObject.contains($0.rule) }
        #expect(Set(left.map(\.rule)) == ["images.vulnerable", "images.signature-not-verified", "serviceaccounts.token-automount",
                                          "resources.missing-limits", "resources.missing-requests",
                                          "resources.missing-ephemeral-storage-limits", "secrets.literal-in-env",
                                          "secrets.literal-in-configmap"])
        #expect(left.allSatisfy { !$0.reason.contains("CEL cannot express it") })
        // Reads `tenant`, which the API server does not know; matches tenants by name without a tenancy
        // file; and every rule that judges the whole inventory.
        let wholeInventory = Self.rules.filter { !$0.scope.judgesOneObject }.map(\.metadata.id)
        #expect(Set(Self.export.notExported.map(\.rule))
            .isSuperset(of: ["custom.untrusted-no-docker-hub", "custom.replica-ceiling"] + wholeInventory))
        #expect(Self.export.policies.count + Self.export.notExported.count == Self.rules.count)
    }

    @Test func everyExportedPolicyCompilesAndIsBound() {
        #expect(Self.admission.problems.map(\.message) == [])
        #expect(Self.admission.policies.count == Self.export.policies.count)
    }

    @Test func theExportPassesTheAuditItself() {
        let objects = ManifestLoader.load(Array(Self.export.yaml.utf8), file: "export.yaml").objects
        #expect(objects.count == Self.export.policies.count + Self.export.bindings.count)
        let findings = Auditor.audit(AuditContext(inventory: Inventory(objects: objects)), rules: Catalog.rules)
        #expect(findings.map { "\($0.ruleId) \($0.object.name): \($0.message)" } == [])
    }

    @Test("the same verdict as the native rule on every object", arguments: EquivalenceSource.all)
    func sameVerdict(_ source: EquivalenceSource) throws {
        let start = ContinuousClock.now
        var objects = 0, denied = 0
        var mismatches: [String] = []
        for inventory in try source.inventories() {
            let admission = Self.admission.reading(inventory)
            for object in inventory.objects where !admission.isConfiguration(object) {
                objects += 1
                let fires = Self.native.firing(on: object, in: inventory)
                let verdicts = admission.evaluate(AdmissionAttributes(operation: .create, object: object)).verdicts
                let denying = Set(verdicts.filter { $0.actions.contains(.deny) }.map(\.policy))
                denied += denying.count
                for (rule, name) in Self.policyNames where fires.contains(rule) != denying.contains(name) {
                    let message = verdicts.first { $0.policy == name }?.message ?? "admitted"
                    mismatches.append("\(object.location.file ?? ""):\(object.location.line) \(object.kind)/\(object.name) "
                        + "\(rule): native \(fires.contains(rule) ? "fires" : "passes"), policy: \(message)")
                }
            }
        }
        print("vap export equivalence on \(source): \(objects) objects × \(Self.exported.count) rules = \(objects * Self.exported.count) verdicts, "
              + "\(denied) denials, \(mismatches.count) mismatches (\(ContinuousClock.now - start))")
        #expect(mismatches == [])
        #expect(objects > 0)
    }

    /// The exported rules as the webhook runs them.
    static let native = NativeJudge(rules: exported, settings: settings)
    /// The policies compiled once; each inventory gives the Namespaces they read.
    static let admission = ClusterAdmission(Inventory(objects: policyObjects))

    /// Each exported rule's ID and its policy's name.
    static let policyNames: [(rule: String, policy: String)] = export.policies.map { ($0.rule.id, $0.name) }
}
