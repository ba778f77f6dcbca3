import RampartLoading

/// A report's JSON with the input errors of the run added under `errors`, for reports that do not
/// carry them themselves (the tenancy document), so that no JSON output drops them.
public struct AnswerWithErrors<Answer: Encodable>: Encodable {
    /// The report, whose keys come first.
    public let answer: Answer
    /// The input errors of the run.
    public let errors: [InputError]

    public init(answer: Answer, errors: [InputError]) {
        self.answer = answer
        self.errors = errors
    }

    private enum CodingKeys: String, CodingKey { case errors }

    public func encode(to encoder: any Encoder) throws {
        try answer.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(errors, forKey: .errors)
    }
}
