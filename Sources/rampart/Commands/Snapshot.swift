import ArgumentParser
import Foundation
import RampartKube
import RampartModel
import RampartRules

extension Rampart {
    /// `rampart snapshot --cluster -o FILE`: what Rampart reads from a cluster, saved for offline audits.
    struct Snapshot: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "snapshot",
            abstract: "Save what Rampart reads from a live cluster as multi-document YAML (secret data removed).",
            discussion: """
                The file can be audited offline (`rampart audit FILE`) or attached to a ticket. Secrets are read \
                as metadata only; managedFields and last-applied annotations of Secrets are dropped. Literal \
                credentials in ConfigMap data and container env (what secrets.literal-in-configmap and \
                secrets.literal-in-env report) are replaced by a marker such as `rampart-withheld-credential`, \
                which the offline audit still reports, and such objects lose their last-applied annotation. \
                Exit status: 0 written; 2 usage error or the cluster could not be read.

                Examples:
                  rampart snapshot --cluster --output prod-$(date +%F).yaml
                  rampart audit prod-2026-12-01.yaml
                """)

        @OptionGroup var cluster: ClusterOptions

        @Option(name: [.short, .long], help: "The file to write.")
        var output: String

        func validate() throws {
            if !cluster.cluster { throw ValidationError("snapshot reads a live cluster: give --cluster") }
        }

        func run() throws {
            let read = ClusterInput.readFully(cluster)
            guard let snapshot = read.snapshot, let connection = read.connection else {
                for error in read.loaded.errors { ClusterInput.warn(error.message) }
                throw ExitCode.inputError
            }
            let redacted = snapshot.objects.map(CredentialRedaction.redact)
            let withheld = redacted.reduce(0) { $0 + $1.withheld }, unrecognised = redacted.reduce(0) { $0 + $1.unrecognised }
            var header = [
                "rampart snapshot of cluster \(connection.clusterName) at \(connection.server)"
                    + (connection.contextName.map { " (context \($0))" } ?? " (in-cluster)"),
                "read \(ClusterInput.timestamp(snapshot.readAt)), \(snapshot.objects.count) objects; secret data removed"
                    + (withheld > 0 ? "; \(withheld) literal credentials in ConfigMaps and env withheld" : ""),
            ]
            header += snapshot.gaps.map { "not covered: \($0.resource): \($0.reason)" }
            let text = YAMLWriter.stream(redacted.map(\.root), header: header)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw ValidationError("cannot write \(output)")
            }
            for error in read.loaded.errors { ClusterInput.warn(error.description) }
            if unrecognised > 0 {
                ClusterInput.warn("\(unrecognised) withheld credentials have a marker the secrets rules do not recognise: an offline audit will not report them")
            }
        }
    }
}
