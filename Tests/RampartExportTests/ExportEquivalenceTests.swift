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
                                                  "exposure.ingress-without-tls", "rbac.wildcard-rules", "custom.cost-centre-label"]))
        let oneObject = Set(Catalog.rules.filter(\.scope.judgesOneObject).map(\.metadata.id))
        let left = Self.export.notExported.filter { oneObject.contains($0.rule) }
        #expect(Set(left.map(\.rule)) == ["images.vulnerable", "images.signature-not-verified", "serviceaccounts.token-automount",
                                          "resources.missing-limits", "resources.missing-requests", "secrets.literal-in-env",
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
        let admission = ClusterAdmission(Inventory(objects: Self.policyObjects))
        #expect(admission.problems.map(\.message) == [])
        #expect(admission.policies.count == Self.export.policies.count)
    }

    @Test func theExportPassesTheAuditItself() {
        let objects = ManifestLoader.load(Array(Self.export.yaml.utf8), file: "export.yaml").objects
        #expect(objects.count == Self.export.policies.count + Self.export.bindings.count)
        let findings = Auditor.audit(AuditContext(inventory: Inventory(objects: objects)), rules: Catalog.rules)
        #expect(findings.map { "\($0.ruleId) \($0.object.name): \($0.message)" } == [])
    }

    @Test("the same verdict as the native rule on every object", arguments: EquivalenceSource.all)
    func sameVerdict(_ source: EquivalenceSource) throws {
        var compared = 0, denied = 0
        var mismatches: [String] = []
        for inventory in try source.inventories() {
            let admission = ClusterAdmission(Inventory(objects: Self.policyObjects + inventory.objects))
            for object in inventory.objects where !admission.isConfiguration(object) {
                let native = Self.nativeVerdicts(object, in: inventory)
                let verdicts = admission.evaluate(AdmissionAttributes(operation: .create, object: object)).verdicts
                let policy = Set(verdicts.filter { $0.actions.contains(.deny) }.map(\.policy))
                for rule in Self.exported {
                    let name = "rampart-" + rule.metadata.id.replacingOccurrences(of: ".", with: "-")
                    compared += 1
                    if policy.contains(name) { denied += 1 }
                    if native.contains(rule.metadata.id) != policy.contains(name) {
                        let message = verdicts.first { $0.policy == name }?.message ?? "admitted"
                        mismatches.append("\(object.location.file ?? ""):\(object.location.line) \(object.kind)/\(object.name) "
                            + "\(rule.metadata.id): native \(native.contains(rule.metadata.id) ? "fires" : "passes"), policy: \(message)")
                    }
                }
            }
        }
        print("vap export equivalence on \(source): \(compared) verdicts (\(Self.exported.count) rules × objects), \(denied) denials, \(mismatches.count) mismatches")
        #expect(mismatches == [])
        #expect(compared > 0)
    }

    /// The rules that report `object` when it is admitted by itself (with its Namespace when known),
    /// as the webhook judges it.
    static func nativeVerdicts(_ object: KubeObject, in inventory: Inventory) -> Set<String> {
        let namespace = object.namespace.flatMap(inventory.namespace).map { [$0] } ?? []
        let context = AuditContext(inventory: Inventory(objects: [object] + (object.kind == "Namespace" ? [] : namespace)), settings: settings)
        return Set(exported.filter { rule in
            rule.evaluate(in: context).contains { $0.object.reference == object.reference }
        }.map(\.metadata.id))
    }
}

/// The custom rules of `examples/custom-rules`.
enum ExampleRules {
    static let directory = Fixtures.repositoryRoot.appendingPathComponent("examples/custom-rules")

    static let all: [any Rule] = ["cost-centre-label", "untrusted-no-docker-hub", "replica-ceiling"].flatMap { name -> [CustomRule] in
        let file = directory.appendingPathComponent("\(name)/rule.yaml")
        let bytes = (try? Data(contentsOf: file)).map(Array.init) ?? []
        return CustomRuleFile.parse(bytes, file: file.path, knownRules: Set(Catalog.rules.map(\.metadata.id))).0
    }
}

/// A set of inventories the equivalence is proven on.
struct EquivalenceSource: CustomStringConvertible, Sendable {
    let description: String
    let inventories: @Sendable () throws -> [Inventory]

    static let all: [EquivalenceSource] = [
        EquivalenceSource(description: "rule fixture matrix") { try FixtureMatrix.inventories() },
        EquivalenceSource(description: "Pod Security levels and versions") { try PodSecurityModeSweep.inventories() },
        EquivalenceSource(description: "example cluster") {
            [Inventory(objects: Fixtures.files(under: Fixtures.repositoryRoot.appendingPathComponent("examples/cluster"))
                .flatMap(load))]
        },
        EquivalenceSource(description: "custom-rules example") {
            Fixtures.files(under: ExampleRules.directory).filter { $0.path.contains("/pass/") || $0.path.contains("/fail/") }
                .map { Inventory(objects: load($0)) }
        },
        EquivalenceSource(description: "corpus") {
            guard let shared = Fixtures.sharedDirectory else { return [] }
            return Fixtures.files(under: shared.appendingPathComponent("corpus")).map { Inventory(objects: load($0)) }
        },
    ]

    static func load(_ file: URL) -> [KubeObject] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        return ManifestLoader.load(Array(data), file: file.path).objects
    }
}

/// The rule fixture matrix (`Tests/Fixtures`): every base, and every fixture's change applied to its base.
enum FixtureMatrix {
    static let directory = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures")
    /// The manifest file of each base (`meshed` is `multitenant` with a tenancy file).
    static let baseFiles = ["tenant": "tenant", "multitenant": "multitenant", "meshed": "multitenant", "controlplane": "controlplane"]

    static func inventories() throws -> [Inventory] {
        var texts: [String: String] = [:]
        for (base, file) in baseFiles {
            texts[base] = try String(contentsOf: directory.appendingPathComponent("bases/\(file).yaml"), encoding: .utf8)
        }
        var inventories = texts.values.sorted().map { Inventory(objects: ManifestLoader.load(Array($0.utf8), file: "base.yaml").objects) }
        for file in Fixtures.files(under: directory) where !file.path.contains("/bases/") {
            let document = ManifestLoader.documents(Array(try Data(contentsOf: file)), file: file.path).documents.first
            guard let document, let base = document["base"]?.string, var text = texts[base] else { continue }
            for change in document["changes"]?.items ?? [] {
                guard let replace = change["replace"]?.string, let with = change["with"]?.string else { continue }
                text = text.replacingOccurrences(of: replace, with: with)
            }
            inventories.append(Inventory(objects: ManifestLoader.load(Array(text.utf8), file: file.path).objects))
        }
        return inventories
    }
}

/// The pods of the Pod Security fixtures and of the bases, in namespaces labelled with each level
/// at every policy version where a check changes (and `latest`, a version past the newest, an
/// invalid version, an invalid level, no version): Rampart judges pods at the namespace's level
/// and version, and so must the policies.
enum PodSecurityModeSweep {
    static let versions = ["v1.0", "v1.7", "v1.8", "v1.18", "v1.19", "v1.21", "v1.22", "v1.23", "v1.24", "v1.25", "v1.26", "v1.27",
                           "v1.28", "v1.29", "v1.30", "v1.31", "v1.32", "v1.33", "v1.34", "v1.35", "v1.36", "v1.37", "latest",
                           "v1.99", "v1.025", nil]
    static let modes: [(level: String, version: String?)] = ["baseline", "restricted"].flatMap { level in versions.map { (level, $0) } }
        + [("privileged", nil), ("strict", "v1.20")]

    static func inventories() throws -> [Inventory] {
        let pods = try FixtureMatrix.inventories().flatMap(\.objects).filter { object in
            let file = object.location.file ?? ""
            return PodTemplate(object) != nil && object.namespace != nil && (file == "base.yaml" || file.contains("/pss."))
        }
        let namespaces = Set(pods.compactMap(\.namespace)).sorted()
        return modes.map { mode in
            let labels = ["pod-security.kubernetes.io/enforce: \(mode.level)"] + (mode.version.map { ["pod-security.kubernetes.io/enforce-version: \($0)"] } ?? [])
            let text = namespaces.map { "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: \($0)\n  labels: {\(labels.joined(separator: ", "))}\n" }
                .joined(separator: "---\n")
            return Inventory(objects: ManifestLoader.load(Array(text.utf8), file: "sweep-\(mode.level)-\(mode.version ?? "none").yaml").objects + pods)
        }
    }
}
