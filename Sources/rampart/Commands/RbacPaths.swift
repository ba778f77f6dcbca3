import ArgumentParser
import RampartRBAC
import RampartReport

extension Rampart.Rbac {
    /// `rampart rbac paths PATH...`: escalation paths to cluster-admin and into other tenants.
    struct Paths: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "paths",
            abstract: "Follow what subjects' permissions let them become, and show the paths to cluster-admin or into other tenants.",
            discussion: """
                Techniques: create pods or workloads (any service account of the namespace), impersonate, read legacy \
                token Secrets, create and read Secrets (mint a token Secret), serviceaccounts/token, pods/exec and \
                attach, nodes/proxy, bind and escalate. A tenant is a namespace's rampart.dev/tenant label, else the \
                namespace. Without --as, --from-serviceaccount or --as-group, every subject a binding names is a start. \
                Exit 1 when a path is found.

                Examples:
                  rampart rbac paths examples/cluster
                  rampart rbac paths examples/cluster --as jane -o json
                """)

        @OptionGroup var input: InputOptions

        @Option(name: .customLong("as"), help: "Start from this user (system:serviceaccount:NS:NAME for a service account).")
        var user: String?

        @Option(help: "Start from the service account NS/NAME.")
        var fromServiceaccount: String?

        @Option(name: .customLong("as-group"), help: "Start from the members of this group.")
        var group: String?

        @OptionGroup var output: OutputOptions<AnswerFormat>

        func validate() throws {
            if [user, fromServiceaccount, group].compactMap({ $0 }).count > 1 {
                throw ValidationError("give one of --as, --from-serviceaccount and --as-group")
            }
            if let account = fromServiceaccount, Self.serviceAccount(account) == nil {
                throw ValidationError("--from-serviceaccount takes NAMESPACE/NAME")
            }
        }

        func run() throws {
            let run = RbacRun(input)
            var analysis = EscalationAnalysis(policy: run.policy, inventory: run.inventory)
            let starts = start.map { [$0] } ?? analysis.subjects
            try run.finish(RBACPathsAnswer(analysis.paths(from: starts)), output)
        }

        /// The start given by `--as`, `--from-serviceaccount` or `--as-group`, if any.
        private var start: Subject? {
            if let user {
                if let account = RequestUser.serviceAccount(userName: user) {
                    return Subject(kind: .serviceAccount, name: account.name, namespace: account.namespace)
                }
                return Subject(kind: .user, name: user)
            }
            if let group { return Subject(kind: .group, name: group) }
            return fromServiceaccount.flatMap(Self.serviceAccount)
        }

        private static func serviceAccount(_ text: String) -> Subject? {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            return Subject(kind: .serviceAccount, name: String(parts[1]), namespace: String(parts[0]))
        }
    }
}
