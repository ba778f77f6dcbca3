import ArgumentParser
import Foundation
import RampartLoading
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

/// Loads the RBAC policy of the inputs and writes the answers of the `rbac` subcommands.
struct RbacRun {
    let inventory: Inventory
    /// The RBAC policy, built when a command asks (each asks once; `risks` builds its own in the audit).
    var policy: RBACPolicy { RBACPolicy(inventory: inventory) }
    let errors: [InputError]
    let output: OutputOptions<AnswerFormat>
    let cleanInputs: Int

    /// Loads `input`.
    init(input: InputOptions, output: OutputOptions<AnswerFormat>) throws {
        let loaded = InputReader.load(input)
        inventory = Inventory(objects: loaded.objects)
        errors = loaded.errors
        cleanInputs = loaded.cleanInputs
        self.output = output
    }

    /// Writes `report` as JSON (with the input errors and notes added) or as `text`, input errors
    /// and notes going to standard error in text mode. Throws the exit code of `RunStatus`.
    func finish<Report: Encodable>(_ report: Report, text: String, grants: [Grant], unresolved: [UnresolvedBinding], failed: Bool) throws {
        let notes = Self.notes(grants: grants, unresolved: unresolved)
        if output.format == .json {
            try output.write(try JSONOutput.encode(RbacReport(report: report, notes: notes, unresolvedBindings: unresolved, errors: errors)))
        } else {
            try output.write(text)
            for line in errors.map(\.description) + notes.map({ "note: " + $0 }) {
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        }
        try RunStatus(inputErrors: errors.count, cleanInputs: cleanInputs, reportFailed: failed).finish()
    }

    /// Sentences about built-in roles used and bindings that grant nothing.
    static func notes(grants: [Grant], unresolved: [UnresolvedBinding]) -> [String] {
        let builtIn = Set(grants.filter(\.builtInRole).compactMap(\.role)).sorted()
        return builtIn.map { "\($0) is the built-in Kubernetes bootstrap definition: the inputs do not define it" }
            + Set(unresolved).sorted { $0.binding < $1.binding }.map { "\($0.binding) grants nothing: \($0.reason)" }
    }
}

/// The JSON of an `rbac` answer: the answer's own keys, plus `notes`, `unresolvedBindings` and `errors`.
private struct RbacReport<Report: Encodable>: Encodable {
    let report: Report
    let notes: [String]
    let unresolvedBindings: [UnresolvedBinding]
    let errors: [InputError]

    private enum CodingKeys: String, CodingKey { case notes, unresolvedBindings, errors }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(notes, forKey: .notes)
        try container.encode(Set(unresolvedBindings).sorted { $0.binding < $1.binding }, forKey: .unresolvedBindings)
        try container.encode(errors, forKey: .errors)
    }
}
