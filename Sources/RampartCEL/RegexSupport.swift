/// Regular expressions for `matches`, `find` and `findAll`: the linear-time RE2 engine under Regex/.
struct CompiledRegex: Sendable {
    private let regex: RE2Regex

    init(_ pattern: String) throws(CELEvaluationError) {
        do {
            regex = try RE2Regex(pattern)
        } catch {
            throw CELEvaluationError(error.description)
        }
    }

    func matches(_ text: String) -> Bool { regex.matches(text) }

    func find(_ text: String) -> String { regex.firstMatch(in: text).map(String.init) ?? "" }

    func findAll(_ text: String, limit: Int) -> [String] { regex.allMatches(in: text, limit: limit).map(String.init) }
}

enum RegexSupport {
    static func compile(_ pattern: String) throws(CELEvaluationError) -> CompiledRegex {
        try CompiledRegex(pattern)
    }
}
