import ArgumentParser
import Foundation
import RampartModel
import RampartPolicy
import RampartReport
import RampartRules
import RampartTenancy

extension Rampart {
    /// `rampart tenants`: the tenancy verdict.
    struct Tenants: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tenants",
            abstract: "Judge every tenant's isolation, layer by layer, against what its trust profile requires.",
            discussion: """
                Examples:
                  rampart tenants check examples/cluster --tenants examples/tenancy.yaml
                """,
            subcommands: [TenantsCheck.self])
    }
}

/// Formats of the tenancy report.
enum TenancyFormat: String, ReportFormat {
    case text, json, sarif, html
    static let defaultFormat = TenancyFormat.text
}

/// `rampart tenants check`: the verdict table, the matrix and the book of work.
struct TenantsCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check each tenant's isolation on every layer (control plane, network, compute, pod security, fairness, secrets).",
        discussion: """
            Tenants come from --tenants FILE, else from the inputs (rampart.dev/tenant labels, Capsule, HNC). \
            Exit status: 0 every tenant meets its required isolation and every input was read; 1 some tenant \
            does not, or some input failed to load; 2 usage error, or no input read cleanly.

            Examples:
              rampart tenants check examples/cluster --tenants examples/tenancy.yaml
              rampart tenants check --cluster -o html --output-file tenancy.html
              rampart tenants check manifests/ -o json
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var tenancy: TenancyOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var benchmark: BenchmarkOption

    @OptionGroup var output: OutputOptions<TenancyFormat>

    func run() throws {
        let config = try policy.loadConfig()
        let baseline = try policy.loadBaseline()
        let model = try tenancy.load()
        let loaded = InputReader.load(input.paths)
        for error in loaded.errors { FileHandle.standardError.write(Data("rampart: \(error.description)\n".utf8)) }
        let inventory = Inventory(objects: loaded.objects)
        var settings = tenancy.settings(config.settings, model: model)
        settings.benchmark = benchmark.benchmark
        let context = AuditContext(inventory: inventory, settings: settings)
        if let model { context.useTenancy(model) }
        let rules = config.enabledRules(from: TenancyRules.all)
        context.useCustomRules(rules.compactMap { $0 as? CustomRule }, severities: config.rules.compactMapValues(\.severity))
        let outcome = PolicyEngine.apply(Auditor.audit(context, rules: rules), config: config, inventory: inventory,
                                         baseline: baseline, today: PolicyOptions.today)
        let document = TenancyDocument(version: Rampart.version, report: context.tenancy, findings: outcome.findings)
        switch output.format {
        case .text: try output.write(TenancyTextReporter.render(document, colour: output.isTerminal))
        case .json: try output.write { try JSONReporter.write(document, errors: loaded.errors, to: $0) }
        case .html:
            try output.write(HTMLTenancyReporter.render(document, identity: .of(input, source: nil, objects: inventory.objects.count)))
        case .sarif:
            let report = AuditReport(version: Rampart.version, objects: inventory.objects.count, errors: loaded.errors,
                                     outcome: outcome, failOn: config.failOn ?? .high)
            try output.write(try SARIFReporter.render(report, rules: rules.map { $0.metadata.numbered(by: benchmark.benchmark) }))
        }
        RunStatus(inputErrors: loaded.errors.count, cleanInputs: loaded.cleanInputs, reportFailed: !document.summary.notMet.isEmpty)
            .exit(leaving: loaded, inventory, context, outcome, document)
    }
}
