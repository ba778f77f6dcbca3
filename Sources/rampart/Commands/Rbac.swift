import ArgumentParser
import RampartLoading
import RampartControlPlane
import RampartModel
import RampartReport
import RampartRBAC

extension Rampart {
    /// `rampart rbac`: the RBAC authorizer over manifests (can-i, who-can, rules) and the RBAC risks.
    struct Rbac: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rbac",
            abstract: "Answer RBAC questions exactly as the API server's authorizer would, and list RBAC risks.",
            discussion: """
                Roles of the Kubernetes bootstrap policy (cluster-admin, admin, edit, view, system:*) that the \
                inputs do not define are built in: a binding to one of them resolves, and the output says so.

                Examples:
                  rampart rbac can-i get secrets examples/cluster --as jane -n team-search
                  rampart rbac who-can delete pods examples/cluster -A
                  rampart rbac risks --cluster
                """,
            subcommands: [CanI.self, WhoCan.self, RulesOf.self, Risks.self, Paths.self])
    }
}

/// The user a question is about: `--as` and `--as-group`, as in kubectl.
struct RbacUserOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "The user name (system:serviceaccount:NS:NAME for a service account; '' for an empty name).")
    var user: String?

    @Option(name: .customLong("as-group"), help: "A group of the user (repeatable); the user has exactly these groups.")
    var groups: [String] = []

    func validate() throws {
        if user == nil && groups.isEmpty { throw ValidationError("give --as USER and/or --as-group GROUP") }
    }

    var requestUser: RequestUser { RequestUser(name: user, groups: groups) }
}

/// The inputs of an `rbac` subcommand: their inventory and RBAC policy, and what failed to load.
struct RbacRun {
    let inventory: Inventory
    /// The RBAC policy, built when a command asks (each asks once; `risks` builds its own in the audit).
    var policy: RBACPolicy { RBACPolicy(inventory: inventory) }
    let errors: [InputError]
    let cleanInputs: Int

    /// Loads `input`; the other inputs are still analysed when some fail.
    init(_ input: InputOptions) {
        let loaded = InputReader.load(input)
        inventory = Inventory(objects: loaded.objects)
        errors = loaded.errors
        cleanInputs = loaded.cleanInputs
    }

    /// Why an RBAC answer may not be the API server's: a webhook authorizer among the inputs' authorizers.
    var webhookCaveat: String? { AuthorizerChain(inventory)?.webhookCaveat }

    /// The IAM principals EKS's `aws-auth` ConfigMap maps, if the inputs hold it.
    var awsAuth: AWSAuthMappings { AWSAuthMappings(inventory) }

    /// Writes the report of `answer` to `output` and ends the process with the run's status, leaving
    /// the inputs and the analyses to the operating system. `caveats`: notes the answer does not carry
    /// (what a webhook authorizer may allow beyond it, EKS identity mappings).
    func finish(_ answer: some RBACAnswer, _ output: OutputOptions<AnswerFormat>, caveats: [String] = []) throws -> Never {
        let report = RBACReport(answer, errors: errors, caveats: caveats)
        try output.render(report)
        RunStatus(report, cleanInputs: cleanInputs).exit(leaving: report, self)
    }
}
