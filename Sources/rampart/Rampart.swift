import ArgumentParser
import Foundation

/// The `rampart` command: audits, analyses and enforces multi-tenant isolation of Kubernetes.
@main
struct Rampart: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "rampart",
        abstract: "Secure multi-tenant Kubernetes: audit manifests and clusters against isolation controls.",
        version: version,
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
        ])

    /// Runs the command; usage errors exit with 2 (the contract's "usage or input error"), not
    /// argument-parser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            exit(withError: ExitCode.inputError)
        }
    }
}
