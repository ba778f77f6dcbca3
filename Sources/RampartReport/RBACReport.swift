import RampartLoading
import RampartRules
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
    /// The answer with its findings taken out, and those findings, so that a large answer's JSON
    /// is written finding by finding; nil for an answer without findings.
    func splittingFindings() -> (rest: Self, findings: [Finding])?
}

extension RBACAnswer {
    /// By default an answer has no findings to take out.
    public func splittingFindings() -> (rest: Self, findings: [Finding])? { nil }
}

/// The report of an `rbac` subcommand: the answer's own keys, plus `notes` (built-in roles used,
/// bindings that grant nothing), `unresolvedBindings` and `errors`. In text, the answer goes to
/// standard output and the input errors and notes to standard error.
public struct RBACReport<Answer: RBACAnswer>: AnswerReport {
    public private(set) var answer: Answer
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

    /// The JSON of `encode(to:)`, byte for byte; an answer's findings (thousands in a large
    /// cluster) are written directly, on every core, and spliced in.
    public func writeJSON(to write: (ArraySlice<UInt8>) throws -> Void) throws {
        guard let (rest, findings) = answer.splittingFindings() else {
            return try JSONReporter.write(self, to: write)
        }
        var shell = self
        shell.answer = rest
        let spliced = try SplicedArray(key: "findings", findings, direct: { $0.finding($1) })
        try SplicedArray.splice([spliced], into: Array(try JSONReporter.encoder().encode(shell)), to: write)
    }
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
