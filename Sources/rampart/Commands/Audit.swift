import ArgumentParser
import Foundation
import RampartLoading
import RampartModel
import RampartPolicy
import RampartReport
import RampartRules

extension Rampart {
    /// `rampart audit`: every enabled rule of the catalog over the inputs, through the policy.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Audit manifests, or a live cluster (--cluster), against the rule catalog.",
            discussion: """
                Exit status: 0 nothing at or above --fail-on and every input read; 1 findings at or above it, or \
                some input failed to load (the others are still audited and reported); 2 usage error, or no input \
                read cleanly.
                """)

        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions<AuditFormat>
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var tenancy: TenancyOptions
        @OptionGroup var memory: MemoryLimitOptions
        @OptionGroup var vulnerabilities: VulnerabilityOptions

        @Option(help: "Fail (exit 1) on findings at or above this severity: critical, high, medium, low, info. Default: the configuration's, else high.")
        var failOn: Severity?

        func run() throws {
            memory.watch()
            let config = try policy.loadConfig()
            let baseline = try policy.loadBaseline()
            var (loaded, source) = InputReader.read(input)
            let scans = vulnerabilities.load()
            loaded.errors += scans.errors
            let inventory = Inventory(objects: loaded.objects)
            let model = try tenancy.load()
            var settings = tenancy.settings(config.settings, model: model)
            settings.vulnerabilityReports = scans.images
            let context = AuditContext(inventory: inventory, settings: settings)
            if let model { context.useTenancy(model) }
            let rules = config.enabledRules(from: Catalog.rules)
            let findings = Auditor.audit(context, rules: rules)
            let outcome = PolicyEngine.apply(findings, config: config, inventory: inventory, baseline: baseline,
                                             today: PolicyOptions.today)
            var report = AuditReport(version: Rampart.version, objects: inventory.objects.count, errors: loaded.errors,
                                     outcome: outcome, failOn: failOn ?? config.failOn ?? .high)
            report.source = source
            try output.write(try render(report, rules: rules.map(\.metadata)))
            try RunStatus(inputErrors: loaded.errors.count, cleanInputs: loaded.cleanInputs,
                          reportFailed: report.summary.failed).finish()
        }

        private func render(_ report: AuditReport, rules: [RuleMetadata]) throws -> String {
            switch output.format {
            case .text: TextReporter.render(report, colour: output.isTerminal)
            case .json: try JSONReporter.render(report)
            case .sarif: try SARIFReporter.render(report, rules: rules)
            case .junit: JUnitReporter.render(report, rules: rules)
            }
        }
    }
}

extension Severity: ExpressibleByArgument {}
