import RampartLoading
import RampartReport

/// Deterministic JSON for every command's output: sorted keys, unescaped slashes (see `JSONReporter`).
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        try JSONReporter.encode(value)
    }
}

/// A command's JSON answer with the input errors of the run added under `errors`, so that no JSON
/// output drops them.
struct AnswerWithErrors<Answer: Encodable>: Encodable {
    let answer: Answer
    let errors: [InputError]

    private enum CodingKeys: String, CodingKey { case errors }

    func encode(to encoder: any Encoder) throws {
        try answer.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(errors, forKey: .errors)
    }
}
