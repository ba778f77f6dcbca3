import Foundation
import RampartLoading
import RampartModel
import RampartPSS
import RampartPolicy
import RampartRules
import TestSupport

/// A set of inventories the equivalence is proven on.
struct EquivalenceSource: CustomStringConvertible, Sendable {
    let description: String
    let inventories: @Sendable () throws -> [Inventory]

    /// The fixture matrix, the examples, and each mode of the Pod Security sweep and each project of
    /// the corpus as a source of its own, so that they run in parallel.
    static let all: [EquivalenceSource] = [
        EquivalenceSource(description: "rule fixture matrix") { try FixtureMatrix.inventories.get() },
        EquivalenceSource(description: "example cluster") {
            [Inventory(objects: Fixtures.files(under: Fixtures.repositoryRoot.appendingPathComponent("examples/cluster"))
                .flatMap(load))]
        },
        EquivalenceSource(description: "custom-rules example") {
            Fixtures.files(under: ExampleRules.directory).filter { $0.path.contains("/pass/") || $0.path.contains("/fail/") }
                .map { Inventory(objects: load($0)) }
        },
    ] + PodSecurityModeSweep.modes.map { mode in
        EquivalenceSource(description: "Pod Security \(mode.level) \(mode.version ?? "without version")") {
            [try PodSecurityModeSweep.inventory(mode)]
        }
    } + corpusProjects.map { project, files in
        EquivalenceSource(description: "corpus/\(project)") { files.map { Inventory(objects: load($0)) } }
    }

    /// Every file of the corpus (`/work/shared/corpus`, when present), grouped by the project
    /// directory it is under (a file at the top is a project of its own).
    static var corpusProjects: [(String, [URL])] {
        guard let shared = Fixtures.sharedDirectory else { return [] }
        let corpus = shared.appendingPathComponent("corpus").standardizedFileURL.path + "/"
        let files = Fixtures.files(under: URL(fileURLWithPath: corpus))
        let byProject = Dictionary(grouping: files) { file in
            String(file.standardizedFileURL.path.dropFirst(corpus.count).prefix { $0 != "/" })
        }
        return byProject.sorted { $0.key < $1.key }
    }

    static func load(_ file: URL) -> [KubeObject] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        return ManifestLoader.load(Array(data), file: file.path).objects
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

/// The rule fixture matrix (`Tests/Fixtures`): every base, and every fixture's change applied to its base.
enum FixtureMatrix {
    static let directory = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures")
    /// The manifest file of each base (`meshed` is `multitenant` with a tenancy file).
    static let baseFiles = ["tenant": "tenant", "multitenant": "multitenant", "meshed": "multitenant", "controlplane": "controlplane"]

    /// Read once: the Pod Security sweep takes its pods from here too.
    static let inventories = Result { try read() }

    private static func read() throws -> [Inventory] {
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

    /// The pods of the bases and of the Pod Security fixtures, read once.
    static let pods = Result {
        try FixtureMatrix.inventories.get().flatMap(\.objects).filter { object in
            let file = object.location.file ?? ""
            return PodTemplate(object) != nil && object.namespace != nil && (file == "base.yaml" || file.contains("/pss."))
        }
    }

    /// The pods in their namespaces, every namespace labelled with `mode`.
    static func inventory(_ mode: (level: String, version: String?)) throws -> Inventory {
        let pods = try pods.get()
        let labels = ["pod-security.kubernetes.io/enforce: \(mode.level)"] + (mode.version.map { ["pod-security.kubernetes.io/enforce-version: \($0)"] } ?? [])
        let text = Set(pods.compactMap(\.namespace)).sorted()
            .map { "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: \($0)\n  labels: {\(labels.joined(separator: ", "))}\n" }
            .joined(separator: "---\n")
        return Inventory(objects: ManifestLoader.load(Array(text.utf8), file: "sweep-\(mode.level)-\(mode.version ?? "none").yaml").objects + pods)
    }
}
