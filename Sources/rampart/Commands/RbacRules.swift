import ArgumentParser
import RampartRBAC

extension Rampart.Rbac {
    /// `rampart rbac rules PATH... --as USER`: the effective rules of a user.
    struct RulesOf: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List the rules RBAC grants a user in a namespace (cluster-wide bindings only without -n).")

        @OptionGroup var input: InputOptions
        @OptionGroup var user: RbacUserOptions

        @Option(name: [.customShort("n"), .long], help: "The namespace; without it only ClusterRoleBindings count.")
        var namespace: String?

        @OptionGroup var output: OutputOptions<AnswerFormat>

        /// The JSON answer.
        struct Answer: Encodable {
            let rules: [PolicyRule]
            let via: [Grant]
        }

        func run() throws {
            let run = try RbacRun(input: input, output: output)
            let effective = run.policy.rules(for: user.requestUser, namespace: namespace ?? "")
            let text = effective.rules.map(\.summary).joined(separator: "\n")
            try run.finish(Answer(rules: effective.rules, via: effective.via), text: text, grants: effective.via,
                           unresolved: effective.unresolved, failed: false)
        }
    }
}
