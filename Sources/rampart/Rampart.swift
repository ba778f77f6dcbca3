import ArgumentParser
import Foundation

/// The `rampart` command: audits, analyses and enforces multi-tenant isolation of Kubernetes.
@main
struct Rampart: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "rampart",
        abstract: "Secure multi-tenant Kubernetes: audit manifests and clusters against isolation controls.",
        discussion: """
            Examples:
              rampart audit manifests/              # exit 1 on high or critical findings
              rampart audit --cluster -o sarif --output-file prod.sarif
              rampart tenants check examples/cluster -o html --output-file tenancy.html
              rampart explain pss.privileged
              rampart version                                 # or rampart --version
            """,
        subcommands: [
            Audit.self,
            Rules.self,
            Explain.self,
            Rbac.self,
            Netpol.self,
            Pss.self,
            Admission.self,
            Tenants.self,
            TenantCommand.self,
            Snapshot.self,
            ScannerRbac.self,
            Webhook.self,
            Cel.self,
            Vap.self,
            Version.self,
            Completion.self,
        ])


    /// Runs the command; usage errors exit with 2 (the contract's "usage or input error"), not
    /// argument-parser's 64.
    ///
    /// The tool's version is `rampart --version` (alone) or `rampart version`: argument-parser would
    /// otherwise give every subcommand a `--version` flag, colliding with `pss --version v1.30`.
    static func main() async {
        if CommandLine.arguments.dropFirst().elementsEqual(["--version"]) {
            print(version)
            return
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let message = CommandSuggestion.unknownCommand(in: Array(CommandLine.arguments.dropFirst())) ?? fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(withError: ExitCode.inputError)
        }
    }
}
