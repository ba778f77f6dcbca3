import ArgumentParser
import Foundation
import RampartPolicy
import RampartRules

/// Reads the webhook's configuration file; errors in it stop the command (exit 2) after listing them.
enum WebhookConfigFile {
    static func load(_ path: String?) throws -> WebhookConfig {
        guard let path else { return WebhookConfig() }
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        let (parsed, errors) = WebhookConfig.parse(Array(data), file: path, knownRules: Set(Catalog.rules.map(\.metadata.id)))
        guard errors.isEmpty else {
            for error in errors { FileHandle.standardError.write(Data("rampart: \(error.description)\n".utf8)) }
            throw ExitCode.inputError
        }
        return parsed
    }
}
