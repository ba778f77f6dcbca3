import RampartLoading
import RampartRBAC

/// The answer of one `rampart rbac` subcommand: its own JSON keys, its terminal text, the grants
/// behind it (for notes about built-in roles) and the bindings that granted nothing.
public protocol RBACAnswer: Encodable, Sendable {
    /// Every grant the answer relies on.
    var grants: [Grant] { get }
    /// Bindings consulted whose role could not be resolved.
    var unresolved: [UnresolvedBinding] { get }
    /// True when the answer fails the run (a request denied, a path found, a risk at or above the threshold).
    var failed: Bool { get }
    /// The answer for a terminal.
    var text: String { get }
}

/// The report of an `rbac` subcommand: the answer's own keys, plus `notes` (built-in roles used,
/// bindings that grant nothing), `unresolvedBindings` and `errors`. In text, the answer goes to
/// standard output and the input errors and notes to standard error.
public struct RBACReport<Answer: RBACAnswer>: AnswerReport {
    public let answer: Answer
    /// Sentences about built-in roles used and bindings that grant nothing.
    public let notes: [String]
    /// The bindings that grant nothing, once each, sorted by binding.
    public let unresolvedBindings: [UnresolvedBinding]
    public let errors: [InputError]

    /// `caveats`: notes the answer itself does not carry (a webhook authorizer that may allow more).
    public init(_ answer: Answer, errors: [InputError], caveats: [String] = []) {
        self.answer = answer
        unresolvedBindings = Set(answer.unresolved).sorted { $0.binding < $1.binding }
        let builtIn = Set(answer.grants.filter(\.builtInRole).compactMap(\.role)).sorted()
        notes = builtIn.map { "\($0) is the built-in Kubernetes bootstrap definition: the inputs do not define it" }
            + unresolvedBindings.map { "\($0.binding) grants nothing: \($0.reason)" } + caveats
        self.errors = errors
    }

    public var failed: Bool { answer.failed }
    public var text: String { answer.text }
    public var diagnostics: [String] { errors.map(\.description) + notes.map { "note: " + $0 } }

    private enum CodingKeys: String, CodingKey { case notes, unresolvedBindings, errors }

    public func encode(to encoder: any Encoder) throws {
        try answer.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(notes, forKey: .notes)
        try container.encode(unresolvedBindings, forKey: .unresolvedBindings)
        try container.encode(errors, forKey: .errors)
    }
}
