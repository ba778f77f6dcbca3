import ArgumentParser
import RampartModel
import RampartReport
import RampartRules

extension Rampart.Rbac {
    /// `rampart rbac risks PATH...`: the RBAC rules of the catalog over the inputs.
    struct Risks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "risks",
            abstract: "List risky RBAC grants: cluster-admin, secrets, exec, impersonation, escalation, and more.",
            discussion: """
                System components (system:* users and groups, service accounts of kube-system, kube-public and kube-node-lease) and the bootstrap policy's own bindings are not reported.

                Examples:
                  rampart rbac risks examples/cluster
                  rampart rbac risks --cluster -o json --fail-on critical
                """)

        @OptionGroup var input: InputOptions
        @OptionGroup var output: OutputOptions<AnswerFormat>

        @Option(help: "Exit 1 when a finding is at or above this severity: critical, high, medium, low, info.")
        var failOn = Severity.high.rawValue

        func validate() throws {
            if Severity(rawValue: failOn) == nil { throw ValidationError("--fail-on takes critical, high, medium, low or info") }
        }

        func run() throws {
            let run = RbacRun(input)
            let findings = Auditor.audit(AuditContext(inventory: run.inventory), rules: RBACRules.all)
            try run.finish(RBACRisksAnswer(findings: findings, failOn: Severity(rawValue: failOn) ?? .high), output)
        }
    }
}
