import Foundation
import RampartLoading
import RampartModel

/// Shared helpers for the test targets: load manifests from strings and find the shared data.
public enum Fixtures {
    /// Objects of a YAML or JSON manifest given as text.
    public static func objects(_ yaml: String, file: String = "test.yaml") -> [KubeObject] {
        ManifestLoader.load(Array(yaml.utf8), file: file).objects
    }

    /// An inventory of a manifest given as text.
    public static func inventory(_ yaml: String) -> Inventory {
        Inventory(objects: objects(yaml))
    }

    /// The repository's root directory.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared` beside the repository, when present (it holds the conformance data and corpus).
    public static var sharedDirectory: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Every file under `directory` with one of `extensions`, sorted.
    public static func files(under directory: URL, extensions: Set<String> = ["yaml", "yml", "json"]) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }
}
