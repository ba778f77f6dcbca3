import ArgumentParser
import Foundation
import RampartLoading
import RampartPolicy
import RampartRules

/// Reads the configuration file and the custom rule files it names (relative to its directory):
/// the file is parsed once, and again with the rule files' contents when it names any, so that their
/// rule IDs may be configured and excepted like the catalog's.
enum ConfigFile {
    static func read(_ path: String) throws -> (WebhookConfig, [InputError]) {
        let bytes = try bytes(of: path)
        let catalog = Set(Catalog.rules.map(\.metadata.id))
        let (first, errors) = WebhookConfig.parse(bytes, file: path, knownRules: catalog)
        let names = first.policy.customRuleFiles
        guard !names.isEmpty else { return (first, errors) }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        let ruleFiles = try names.map { name in
            let file = name.hasPrefix("/") ? name : directory.appendingPathComponent(name).relativePath
            return (file: file, bytes: try Self.bytes(of: file))
        }
        return WebhookConfig.parse(bytes, file: path, knownRules: catalog, ruleFiles: ruleFiles)
    }

    static func bytes(of path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        return Array(data)
    }

    /// Lists `errors` on standard error and stops the command (exit 2) when there are any.
    static func stop(on errors: [InputError]) throws {
        guard !errors.isEmpty else { return }
        for error in errors { FileHandle.standardError.write(Data("rampart: \(error.description)\n".utf8)) }
        throw ExitCode.inputError
    }
}
