import Foundation

/// Regular expressions for `matches`, `find` and `findAll` (RE2 syntax).
/// TEMPORARY: backed by NSRegularExpression until the linear-time engine under Regex/ lands.
struct CompiledRegex: @unchecked Sendable {
    private let regex: NSRegularExpression

    init(_ pattern: String) throws(CELEvaluationError) {
        do {
            regex = try NSRegularExpression(pattern: pattern)
        } catch {
            throw CELEvaluationError("error parsing regexp: \(pattern)")
        }
    }

    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    func find(_ text: String) -> String {
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range, in: text) else { return "" }
        return String(text[range])
    }

    func findAll(_ text: String, limit: Int) -> [String] {
        var out: [String] = []
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            if limit >= 0 && out.count >= limit { break }
            if let range = Range(match.range, in: text) { out.append(String(text[range])) }
        }
        return out
    }
}

enum RegexSupport {
    static func compile(_ pattern: String) throws(CELEvaluationError) -> CompiledRegex {
        try CompiledRegex(pattern)
    }
}
