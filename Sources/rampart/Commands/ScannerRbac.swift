import ArgumentParser
import RampartKube
import RampartModel
import RampartReport

extension Rampart {
    /// `rampart scanner-rbac`: the least-privilege identity for running Rampart inside a cluster.
    struct ScannerRbac: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scanner-rbac",
            abstract: "Print the Namespace and the least-privilege ServiceAccount, ClusterRole and binding for an in-cluster scanner.",
            discussion: """
                The output can be piped to `kubectl apply -f -`: the Namespace comes first (labelled to enforce the \
                restricted Pod Security level, as in examples/scanner-cronjob.yaml; left out for default, kube-system, \
                kube-public and kube-node-lease, or with --no-namespace when the namespace is managed elsewhere). \
                The ClusterRole may only list the resources `rampart audit --cluster` reads and get the discovery \
                documents. Secrets are left out by default: RBAC cannot grant metadata only, so listing secrets \
                would let the scanner read their values; without it, the audit reports secrets as not covered. \
                See examples/scanner-cronjob.yaml for a CronJob that uses it.

                Examples:
                  rampart scanner-rbac | kubectl apply -f -
                  rampart scanner-rbac --namespace security --include-secrets
                  rampart scanner-rbac --write-reports openreports   # for audit --cluster --write-reports
                """)

        @Option(name: [.short, .long], help: "The namespace of the scanner's ServiceAccount.")
        var namespace = "rampart"

        @Flag(help: "Also allow listing Secrets (their metadata is all Rampart keeps, but the permission reads values too).")
        var includeSecrets = false

        @Flag(help: "Leave the Namespace out (it exists, and its labels are managed elsewhere).")
        var noNamespace = false

        @Option(help: ArgumentHelp("Also allow writing these reports (create, patch, list, delete), as `audit --cluster --write-reports` does.",
                                   valueName: "openreports|policyreport"))
        var writeReports: ResultReportAPI?

        func run() throws {
            let reports = writeReports.map { api in (group: api.group, resources: [api.resource(namespaced: true), api.resource(namespaced: false)]) }
            let manifests = ScannerRBAC.manifests(namespace: namespace, includeSecrets: includeSecrets, includeNamespace: !noNamespace,
                                                  reports: reports)
            print(YAMLWriter.stream(manifests, header: ["least-privilege identity of the rampart scanner (rampart scanner-rbac)"]),
                  terminator: "")
        }
    }
}
