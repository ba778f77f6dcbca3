import ArgumentParser
import Foundation
import RampartKube
import RampartLoading
import RampartModel
import RampartPolicy
import RampartReport
import RampartRules
import RampartTenancy

extension Rampart {
    /// `rampart audit`: every enabled rule of the catalog over the inputs, through the policy.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Audit manifests, or a live cluster (--cluster), against the rule catalog.",
            discussion: """
                Exit status: 0 nothing at or above --fail-on and every input read; 1 findings at or above it, or \
                some input failed to load (the others are still audited and reported); 2 usage error, or no input \
                read cleanly.

                -n NAMESPACE reports the findings on that namespace's objects only (those on cluster-scoped objects \
                are left out); every input is still read, so policies, bindings and Namespaces elsewhere still count.

                Examples:
                  rampart audit manifests/                # exit 1 on high or critical
                  rampart audit manifests/ -n team-a      # findings on team-a's objects, every input read
                  helm template web ./chart | rampart audit -
                  rampart audit manifests/ -o sarif --output-file rampart.sarif
                  rampart audit manifests/ -o json --output-file baseline.json
                  rampart audit manifests/ --baseline baseline.json --fail-on critical
                  rampart audit --cluster --context prod -o html --output-file prod.html
                  kubectl apply -f deploy/crds/openreports.io.yaml
                  rampart audit --cluster -o openreports | kubectl apply -f -
                  rampart audit --cluster --write-reports openreports   # from a CronJob
                """)

        @OptionGroup var input: InputOptions
        @OptionGroup var scope: NamespaceScopeOptions
        @OptionGroup var output: OutputOptions<AuditFormat>
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var tenancy: TenancyOptions
        @OptionGroup var memory: MemoryLimitOptions
        @OptionGroup var vulnerabilities: VulnerabilityOptions
        @OptionGroup var benchmark: BenchmarkOption

        @Option(help: ArgumentHelp("""
            With --cluster: write the results into the cluster as report objects, one per namespace and one for \
            cluster-scoped objects (server-side apply, field manager rampart), and delete the stale ones Rampart wrote before.
            """, valueName: "openreports|policyreport"))
        var writeReports: ResultReportAPI?

        @Option(help: "Results per report object (-o openreports|policyreport, --write-reports) beyond which they are aggregated per rule.")
        var reportLimit = 100

        @Option(help: "Fail (exit 1) on findings at or above this severity: critical, high, medium, low, info. Default: the configuration's, else high.")
        var failOn: Severity?

        func validate() throws {
            if writeReports != nil, !input.cluster.cluster { throw ValidationError("--write-reports writes into the cluster that was read: give --cluster") }
            if reportLimit < 1 { throw ValidationError("--report-limit must be at least 1") }
        }

        func run() throws {
            memory.watch()
            let audited = try audit()
            try emit(audited)
            if let api = writeReports, let connection = audited.connection {
                let reports = resultReports(api, audited.report, namespaces: audited.namespaces)
                let outcome = try ReportWriter.write(reports, api: api, connection: connection, namespace: input.cluster.clusterNamespace)
                ClusterInput.warn("wrote \(outcome.applied.count) \(api.rawValue) reports, deleted \(outcome.deleted.count) stale")
            }
            RunStatus(inputErrors: audited.inputErrors, cleanInputs: audited.cleanInputs, reportFailed: audited.report.summary.failed)
                .exit(leaving: audited)
        }

        /// What the run keeps once the inputs are audited: the report and what writing it needs. The
        /// inputs (their value tree is most of the memory) are let go before the report is written.
        private struct Audited {
            var report: AuditReport
            var rules: [RuleMetadata]
            var namespaces: [String]
            /// The HTML page, made while the inputs are at hand (it shows the tenants' isolation grid).
            var html: String?
            var connection: ClusterConnection?
            var inputErrors: Int
            var cleanInputs: Int
        }

        /// The inputs audited, let go of on a thread of their own while the report is made.
        private func audit() throws -> Audited {
            let release = BackgroundRelease()
            let judged = try judge(releasingInputsTo: release)
            release.start()
            var report = AuditReport(version: Rampart.version, objects: judged.objects, errors: judged.errors,
                                     outcome: judged.outcome, failOn: judged.failOn)
            report.source = judged.source
            report.platformNamespaceProposals = judged.platformNamespaceProposals
            return Audited(report: report, rules: judged.rules, namespaces: judged.namespaces,
                           html: output.format == .html ? judged.html?(report) : nil,
                           connection: judged.connection, inputErrors: judged.errors.count, cleanInputs: judged.cleanInputs)
        }

        /// What an audit found, without the inputs it found it in.
        private struct Judged {
            var outcome: PolicyOutcome
            var objects: Int
            var errors: [InputError]
            var failOn: Severity
            var source: ReportSource?
            var platformNamespaceProposals: [String]
            var rules: [RuleMetadata]
            var namespaces: [String]
            /// The HTML page of a report (it shows the tenants' isolation grid, so it holds their verdict).
            var html: ((AuditReport) -> String)?
            var connection: ClusterConnection?
            var cleanInputs: Int
        }

        /// Reads and audits the inputs, handing them to `release` once done with.
        private func judge(releasingInputsTo release: BackgroundRelease) throws -> Judged {
            let config = try policy.loadConfig()
            let baseline = try policy.loadBaseline()
            let progress = ElapsedProgress()
            // A live read shows its own progress line (resources and objects read).
            if !input.cluster.cluster { progress.step("reading \(input.paths.joined(separator: " "))") }
            let read = input.cluster.cluster
                ? ClusterInput.readFully(input.cluster, kinds: ScannedResources.kinds(of: config.customRules))
                : ClusterInput.Read(loaded: InputReader.load(input.paths))
            var loaded = read.loaded
            let scans = vulnerabilities.load()
            loaded.errors += scans.errors
            progress.step("auditing \(loaded.objects.count) objects")
            let inventory = Inventory(objects: loaded.objects)
            let model = try tenancy.load()
            var settings = tenancy.settings(config.settings, model: model)
            settings.vulnerabilityReports = scans.images
            settings.benchmark = benchmark.benchmark
            let context = AuditContext(inventory: inventory, settings: settings)
            if let model { context.useTenancy(model) }
            let rules = config.enabledRules(from: Catalog.rules)
            context.useCustomRules(rules.compactMap { $0 as? CustomRule }, severities: config.rules.compactMapValues(\.severity))
            let findings = Auditor.audit(context, rules: rules).filter { scope.includes($0.object.namespace) }
            let outcome = PolicyEngine.apply(findings, config: config, inventory: inventory, baseline: baseline,
                                             today: PolicyOptions.today)
            progress.finish()
            let metadata = rules.map { $0.metadata.numbered(by: benchmark.benchmark) }
            let tenancyReport = output.format == .html ? context.tenancy : nil
            release.hold(context)
            release.hold(read)
            release.hold(loaded)
            return Judged(outcome: outcome, objects: inventory.objects.count, errors: loaded.errors, failOn: failOn ?? config.failOn ?? .high,
                          source: read.source,
                          platformNamespaceProposals: PlatformNamespaces.proposals(inventory.namespaceNames,
                                                                                  configured: context.settings.platformNamespaces),
                          rules: metadata, namespaces: inventory.namespaceNames,
                          html: tenancyReport.map { tenancy in { report in html(report, rules: metadata, tenancy: tenancy) } },
                          connection: read.connection, cleanInputs: loaded.cleanInputs)
        }

        /// Writes the report in the output format (JSON piece by piece, never joined whole).
        private func emit(_ audited: Audited) throws {
            let report = audited.report
            let text: String
            switch output.format {
            case .json: return try output.write { try JSONReporter.write(report, to: $0) }
            case .text: text = TextReporter.render(report, colour: output.isTerminal)
            case .sarif: text = try SARIFReporter.render(report, rules: audited.rules)
            case .junit: text = JUnitReporter.render(report, rules: audited.rules)
            case .html: text = audited.html ?? ""
            case .openreports: text = ResultReport.yaml(resultReports(.openReports, report, namespaces: audited.namespaces))
            case .policyreport: text = ResultReport.yaml(resultReports(.policyReport, report, namespaces: audited.namespaces))
            }
            try output.write(text)
        }

        /// The HTML page, with the tenants' isolation grid.
        private func html(_ report: AuditReport, rules: [RuleMetadata], tenancy: TenancyReport) -> String {
            let document = TenancyDocument(version: Rampart.version, report: tenancy,
                                           findings: report.findings.filter { $0.ruleId.hasPrefix("tenancy.") })
            return HTMLAuditReporter.render(report, tenancy: document, rules: rules,
                                            identity: .of(input, source: report.source, objects: report.objects))
        }

        /// The report objects of `report`, stamped with the time the cluster was read (else now).
        private func resultReports(_ api: ResultReportAPI, _ report: AuditReport, namespaces: [String]) -> [ResultReport] {
            let builder = ResultReportBuilder(api: api, maximumResults: reportLimit, timestamp: Date(), namespaces: namespaces)
            return builder.build(report)
        }
    }
}

extension Severity: ExpressibleByArgument {}
extension ResultReportAPI: ExpressibleByArgument {}
