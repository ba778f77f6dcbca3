import Dispatch
import Foundation
import RampartLoading
import RampartModel
import Synchronization

/// The file-system adapter: finds manifest files under the given paths, reads them, and loads them
/// on every core. Unreadable paths become input errors; nothing here stops at the first problem.
enum InputReader {
    static let manifestExtensions: Set<String> = ["yaml", "yml", "json"]

    /// Loads every manifest under `paths`, in path order (files of a directory sorted by name).
    static func load(_ paths: [String]) -> LoadResult {
        var errors: [InputError] = []
        var sources: [(name: String, path: String?)] = []
        for path in paths {
            if path == "-" {
                sources.append(("-", nil))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(InputError(file: path, line: 0, column: 0, message: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                let walk = manifestFiles(under: path)
                sources += walk.files.map { ($0, $0) }
                errors += walk.dangling.map {
                    InputError(file: $0, line: 0, column: 0, message: "dangling symbolic link: its target does not exist")
                }
            } else {
                sources.append((path, path))
            }
        }
        let results = Mutex<[LoadResult]>(Array(repeating: LoadResult(), count: sources.count))
        let inputs = sources
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            let source = inputs[index]
            let result: LoadResult
            do throws(InputBytes.Failure) {
                if let path = source.path {
                    result = ManifestLoader.load(try InputBytes.file(path), file: source.name)
                } else {
                    result = ManifestLoader.load(try InputBytes.standardInput(), file: source.name)
                }
            } catch {
                let message = error.message(source.path == nil ? "standard input" : "the file")
                result = LoadResult(errors: [InputError(file: source.name, line: 0, column: 0, message: message)])
            }
            results.withLock { $0[index] = result }
        }
        var combined = LoadResult(errors: errors)
        for result in results.withLock({ $0 }) { combined.append(result) }
        return combined
    }

    /// Files under `directory` with one of `extensions` (manifests by default), recursively, sorted;
    /// hidden entries are skipped. Symbolic links so named whose target does not exist come back apart,
    /// to be reported rather than skipped.
    static func manifestFiles(under directory: String, extensions: Set<String> = manifestExtensions) -> (files: [String], dangling: [String]) {
        let base = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey], options: [.skipsHiddenFiles])
        else { return ([], []) }
        var files: [String] = []
        var dangling: [String] = []
        for case let url as URL in enumerator where extensions.contains(url.pathExtension.lowercased()) {
            let relative = url.path.dropFirst(base.path.count).drop(while: { $0 == "/" })
            let name = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            if values?.isRegularFile == true {
                files.append(name)
            } else if values?.isSymbolicLink == true, !FileManager.default.fileExists(atPath: url.path) {
                dangling.append(name)
            }
        }
        return (files.sorted(), dangling.sorted())
    }
}
