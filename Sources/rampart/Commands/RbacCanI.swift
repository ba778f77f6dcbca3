import ArgumentParser
import RampartRBAC

extension Rampart.Rbac {
    /// `rampart rbac can-i VERB RESOURCE PATH...`: may this user do this? Exit 1 when denied.
    struct CanI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "can-i",
            abstract: "Check whether a user may make a request, and which binding, role and rule allow it.")

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

        /// The JSON answer.
        struct Answer: Encodable {
            let allowed: Bool
            let via: [Grant]
        }

        func run() throws {
            let run = try RbacRun(input: input, output: output)
            let request = AccessRequest.parse(verb: verb, resource: resource, name: resourceName ?? "", namespace: namespace ?? "")
            let decision = run.policy.authorize(user.requestUser, request)
            let text = ([decision.allowed ? "yes" : "no"] + decision.via.map { "  via " + $0.explanation }).joined(separator: "\n")
            try run.finish(Answer(allowed: decision.allowed, via: decision.via), text: text, grants: decision.via,
                           unresolved: decision.unresolved, failed: !decision.allowed)
        }
    }
}
