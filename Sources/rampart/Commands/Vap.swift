import ArgumentParser
import Foundation
import RampartExport
import RampartPolicy
import RampartRules

extension Rampart {
    /// `rampart vap`: Rampart's rules as the API server's own ValidatingAdmissionPolicies.
    struct Vap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vap",
            abstract: "Rampart's rules as native ValidatingAdmissionPolicies.",
            discussion: """
                Examples:
                  rampart vap export > policies.yaml
                """,
            subcommands: [VapExport.self])
    }

    /// `rampart vap export`: policies and bindings for every one-object rule CEL expresses.
    struct VapExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write ValidatingAdmissionPolicies and bindings for the rules CEL can express.",
            discussion: """
                Writes YAML documents to standard output: one policy per exported rule (catalog rules and the \
                configuration's custom rules) and its bindings. With --tenants, each tenant's namespaces get a \
                binding that denies (untrusted tenants) or warns (trusted ones); without, one binding denies in \
                every namespace but the platform's. The rules that do not export are listed, with the reason, \
                in comments at the top.

                Examples:
                  rampart vap export > policies.yaml
                  rampart vap export --config rampart.yaml | kubectl apply -f -
                """)

        @Option(help: "Comma-separated rule IDs to export (default: every enabled rule).")
        var rules: String?

        @OptionGroup var tenancy: TenancyOptions
        @OptionGroup var policy: PolicyOptions

        func run() throws {
            let config = try policy.loadConfig()
            let model = try tenancy.load()
            var selected = config.enabledRules(from: Catalog.rules)
            if let rules {
                let wanted = rules.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let known = Set(selected.map(\.metadata.id))
                if let unknown = wanted.first(where: { !known.contains($0) }) {
                    throw ValidationError("no enabled rule '\(unknown)'; `rampart rules` lists them")
                }
                selected = selected.filter { wanted.contains($0.metadata.id) }
            }
            let export = PolicyExport(rules: selected, tenancy: model, settings: tenancy.settings(config.settings, model: model))
            print(export.yaml, terminator: "")
        }
    }
}
