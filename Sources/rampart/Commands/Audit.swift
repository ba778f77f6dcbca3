import ArgumentParser
import Foundation
import RampartLoading
import RampartModel
import RampartRules

extension Rampart {
    /// `rampart audit`: every rule of the catalog over the inputs.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Audit manifests against the rule catalog.")

        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let loaded = InputReader.load(input.paths)
            let inventory = Inventory(objects: loaded.objects)
            let findings = Auditor.audit(AuditContext(inventory: inventory), rules: Catalog.rules)
            try output.write(try JSONOutput.encode(["objects": inventory.objects.count, "findings": findings.count]))
        }
    }
}
