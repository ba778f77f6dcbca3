import ArgumentParser
import RampartRBAC

extension Rampart.Rbac {
    /// `rampart rbac who-can VERB RESOURCE PATH...`: every subject allowed.
    struct WhoCan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "who-can",
            abstract: "List every subject the bindings allow to make a request (system:masters included).")

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

        /// The JSON answer.
        struct Answer: Encodable {
            let subjects: [Subject]
            let via: [Grant]
        }

        func run() throws {
            let run = try RbacRun(input: input, output: output)
            let request = AccessRequest.parse(verb: verb, resource: resource, name: resourceName ?? "",
                                              namespace: allNamespaces ? "" : namespace ?? "")
            let review = run.policy.subjects(allowedTo: request)
            let rows = review.subjects.map { [$0.kind.rawValue, $0.namespace ?? "", $0.name] }
            let widths = (0..<2).map { column in rows.map { $0[column].count }.max() ?? 0 }
            let text = rows.map { row in
                zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[2]
            }.joined(separator: "\n")
            try run.finish(Answer(subjects: review.subjects, via: review.via), text: text, grants: review.via,
                           unresolved: review.unresolved, failed: false)
        }
    }
}
