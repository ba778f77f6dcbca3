import ArgumentParser
import RampartRBAC
import RampartReport

extension Rampart.Rbac {
    /// `rampart rbac can-i VERB RESOURCE PATH...`: may this user do this? Exit 1 when denied.
    struct CanI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "can-i",
            abstract: "Check whether a user may make a request, and which binding, role and rule allow it.",
            discussion: """
                Examples:
                  rampart rbac can-i list secrets examples/cluster --as jane -n team-a
                  rampart rbac can-i create pods/exec manifests/ --as jane -n prod -o json
                  rampart rbac can-i get /metrics manifests/ --as-group system:monitoring
                """)

        @Argument(help: "The verb (get, list, create, …).")
        var verb: String

        @Argument(help: "resource[.group][/subresource] (core group: no suffix), or a non-resource URL starting with '/'.")
        var resource: String

        @OptionGroup var input: InputOptions
        @OptionGroup var user: RbacUserOptions

        @Option(name: [.customShort("n"), .long], help: "The request's namespace; without it the request is cluster-scoped.")
        var namespace: String?

        @Option(help: "The name of the object the request is about.")
        var resourceName: String?

        @OptionGroup var output: OutputOptions<AnswerFormat>

        func run() throws {
            let run = RbacRun(input)
            let request = AccessRequest.parse(verb: verb, resource: resource, name: resourceName ?? "", namespace: namespace ?? "")
            let (decision, mapping) = run.policy.authorize(user.requestUser, request, mappedBy: run.awsAuth)
            try run.finish(RBACCanIAnswer(decision, webhookCaveat: run.webhookCaveat), output, caveats: mapping.map { [$0] } ?? [])
        }
    }
}
