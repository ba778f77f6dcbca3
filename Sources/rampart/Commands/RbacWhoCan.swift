import ArgumentParser
import RampartRBAC
import RampartReport

extension Rampart.Rbac {
    /// `rampart rbac who-can VERB RESOURCE PATH...`: every subject allowed.
    struct WhoCan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "who-can",
            abstract: "List every subject the bindings allow to make a request (system:masters included).",
            discussion: """
                Examples:
                  rampart rbac who-can get secrets examples/cluster -n team-a
                  rampart rbac who-can '*' '*' examples/cluster -A -o json
                """)

        @Argument(help: "The verb (get, list, create, …).")
        var verb: String

        @Argument(help: "resource[.group][/subresource] (core group: no suffix), or a non-resource URL starting with '/'.")
        var resource: String

        @OptionGroup var input: InputOptions

        @Option(name: [.customShort("n"), .long], help: "The request's namespace; without it the request is cluster-scoped.")
        var namespace: String?

        @Flag(name: [.customShort("A"), .long], help: "All namespaces at once: only grants that hold in every namespace.")
        var allNamespaces = false

        @Option(help: "The name of the object the request is about.")
        var resourceName: String?

        @OptionGroup var output: OutputOptions<AnswerFormat>

        func validate() throws {
            if allNamespaces && namespace != nil { throw ValidationError("give -n NAMESPACE or -A, not both") }
        }

        func run() throws {
            let run = RbacRun(input)
            let request = AccessRequest.parse(verb: verb, resource: resource, name: resourceName ?? "",
                                              namespace: allNamespaces ? "" : namespace ?? "")
            let (review, mappings) = run.policy.subjects(allowedTo: request, mappedBy: run.awsAuth)
            let webhook = run.webhookCaveat.map { "these are RBAC's subjects, and \($0): others may be allowed too (unknown)" }
            try run.finish(RBACWhoCanAnswer(review), output, caveats: mappings + (webhook.map { [$0] } ?? []))
        }
    }
}
