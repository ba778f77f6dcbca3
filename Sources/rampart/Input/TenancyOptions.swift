import ArgumentParser
import Foundation
import RampartLoading
import RampartRules
import RampartTenancy

/// `--tenants FILE`: the tenancy file that declares who shares the cluster.
struct TenancyOptions: ParsableArguments {
    @Option(name: .customLong("tenants"), help: "Tenancy file (kind: Tenancy). Without it, tenants are inferred from the inputs.")
    var file: String?

    /// The model in the file, or nil without `--tenants`. Errors stop the command (exit 2) after
    /// being listed with their lines; warnings go to standard error.
    func load() throws -> TenancyModel? {
        guard let file else { return nil }
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let loaded = ManifestLoader.load(Array(data), file: file)
        for error in loaded.errors { report("\(error.description)") }
        guard let root = loaded.objects.first(where: { $0.kind == TenancyFile.kind })?.root else {
            if loaded.errors.isEmpty { report("\(file):1: no 'kind: \(TenancyFile.kind)' document") }
            throw ExitCode.inputError
        }
        let (model, diagnostics) = TenancyFile.parse(root, file: file)
        for diagnostic in diagnostics.sorted(by: { $0.mark < $1.mark }) {
            report("\(file):\(diagnostic.mark.line):\(diagnostic.mark.column): \(diagnostic.isWarning ? "warning: " : "")\(diagnostic.message)")
        }
        guard let model, loaded.errors.isEmpty, !diagnostics.contains(where: { !$0.isWarning }) else { throw ExitCode.inputError }
        return model
    }

    /// `settings` with the tenancy file's platform namespaces added.
    func settings(_ settings: RuleSettings, model: TenancyModel?) -> RuleSettings {
        var settings = settings
        settings.platformNamespaces.formUnion(model?.platformNamespaces ?? [])
        return settings
    }

    private func report(_ message: String) {
        FileHandle.standardError.write(Data("rampart: \(message)\n".utf8))
    }
}
