import Foundation
import RampartClusterAdmission
import RampartLoading
import RampartModel
import Testing
import TestSupport

/// The ValidatingAdmissionPolicies of kubescape's cel-admission-library with the objects and
/// decisions upstream's test runner checks on a real cluster (../shared/conformance/cel/vap): each
/// case is judged with its policy, binding and params, as `conformance --suite vap` does through the CLI.
@Suite("kubescape cel-admission-library policies decide as on a real cluster")
struct KubescapePolicyTests {
    struct Case: CustomTestStringConvertible {
        var folder: URL
        var node: Node
        var testDescription: String { "\(folder.lastPathComponent): \(node["name"]?.string ?? "?")" }
    }

    static let root = Fixtures.sharedDirectory?.appendingPathComponent("conformance/cel/vap")

    static let cases: [Case] = {
        guard let root else { return [] }
        return Fixtures.files(under: root).filter { $0.lastPathComponent == "cases.yaml" }.flatMap { file in
            let documents = ManifestLoader.documents(Array((try? Data(contentsOf: file)) ?? Data()), file: file.path).documents
            return (documents.first?["cases"]?.items ?? []).map { Case(folder: file.deletingLastPathComponent(), node: $0) }
        }
    }()

    @Test func theCasesArePresent() {
        #expect(Self.cases.count >= 30, "../shared/conformance/cel/vap is missing or incomplete")
    }

    @Test(arguments: cases) func caseDecidesAsUpstream(_ testCase: Case) throws {
        func text(_ key: String) throws -> String {
            let name = try #require(testCase.node[key]?.string)
            return try String(contentsOf: testCase.folder.appendingPathComponent(name), encoding: .utf8)
        }
        var documents = [try text("binding"), try String(contentsOf: testCase.folder.appendingPathComponent("policy.yaml"), encoding: .utf8)]
        if testCase.node["params"] != nil { documents.append(try text("params")) }
        let namespace = try #require(testCase.node["namespace"]?.string)
        documents.append("apiVersion: v1\nkind: Namespace\nmetadata: {name: \(namespace)}")
        var target = try #require(Fixtures.objects(try text("object")).first)
        if target.namespace == nil { target = Self.placed(target, in: namespace) }
        let inventory = Inventory(objects: Fixtures.objects(documents.joined(separator: "\n---\n")) + [target])
        let operation = AdmissionOperation(rawValue: testCase.node["operation"]?.string ?? "CREATE") ?? .create
        let result = try #require(AdmissionCheck.run(inventory, operation: operation).first { $0.object.name == target.name && $0.object.kind == target.kind })
        #expect(result.decision.rawValue == testCase.node["expected"]?.string)
        if let mention = testCase.node["denialMentions"]?.string, result.decision == .deny {
            #expect(result.policies.contains { $0.text(for: .deny).contains(mention) })
        }
    }

    /// The object as the API server sees it in the case's namespace.
    static func placed(_ object: KubeObject, in namespace: String) -> KubeObject {
        var root = object.root
        guard case .mapping(var entries) = root.content,
              let index = entries.firstIndex(where: { $0.key == "metadata" }),
              case .mapping(var metadata) = entries[index].value.content else { return object }
        metadata.append(MappingEntry(key: "namespace", keyMark: entries[index].keyMark,
                                     value: Node(.scalar(Scalar(namespace, isPlain: false)), mark: entries[index].keyMark)))
        entries[index].value.content = .mapping(metadata)
        root.content = .mapping(entries)
        return KubeObject(root: root, file: object.file) ?? object
    }
}
