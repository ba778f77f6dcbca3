import ArgumentParser
import RampartRBAC
import RampartReport

extension Rampart.Rbac {
    /// `rampart rbac rules PATH... --as USER`: the effective rules of a user.
    struct RulesOf: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List the rules RBAC grants a user in a namespace (cluster-wide bindings only without -n).",
            discussion: """
                Examples:
                  rampart rbac rules examples/cluster --as jane -n team-a
                  rampart rbac rules manifests/ --as system:serviceaccount:ci:deployer -o json
                """)

        @OptionGroup var input: InputOptions
        @OptionGroup var user: RbacUserOptions

        @Option(name: [.customShort("n"), .long], help: "The namespace; without it only ClusterRoleBindings count.")
        var namespace: String?

        @OptionGroup var output: OutputOptions<AnswerFormat>

        func run() throws {
            let run = RbacRun(input)
            try run.finish(RBACRulesAnswer(run.policy.rules(for: user.requestUser, namespace: namespace ?? "")), output)
        }
    }
}
