import RampartLoading

/// The report of a command that answers a question about the inputs (`pss`, `rbac …`, `netpol …`):
/// one value that `JSONReporter` encodes, with the run's input errors under `errors`, and that
/// renders itself for a terminal. The command builds it from the engine's answer, hands it to the
/// output, and ends with `RunStatus(report, cleanInputs:)`.
public protocol AnswerReport: Encodable, Sendable {
    /// The input errors of the run (in the JSON under `errors`).
    var errors: [InputError] { get }
    /// True when the answer fails the run: a pod not allowed, a request denied, a path found,
    /// a finding at or above the threshold.
    var failed: Bool { get }
    /// The answer for a terminal, written to standard output.
    var text: String { get }
    /// Lines written to standard error beside `text` (input errors, notes); empty when `text`
    /// shows them itself.
    var diagnostics: [String] { get }
    /// The bytes of the report's JSON (sorted keys, indented, as `JSONReporter.encode` writes it)
    /// handed to `write` piece by piece.
    func writeJSON(to write: (ArraySlice<UInt8>) throws -> Void) throws
}

extension AnswerReport {
    /// By default the input errors, one per line, as the CLI names its own messages.
    public var diagnostics: [String] { errors.map { "rampart: \($0.description)" } }

    /// By default the report encoded whole, in one piece.
    public func writeJSON(to write: (ArraySlice<UInt8>) throws -> Void) throws {
        try JSONReporter.write(self, to: write)
    }
}

extension RunStatus {
    /// The status of a run that answered with `report`, `cleanInputs` of its inputs having been
    /// read without any error.
    public init(_ report: some AnswerReport, cleanInputs: Int) {
        self.init(inputErrors: report.errors.count, cleanInputs: cleanInputs, reportFailed: report.failed)
    }
}
