import Testing
@testable import RampartCEL

/// The regular-expression cases of the CEL conformance data (`shared/conformance/cel`): `matches` from
/// cel-spec's `string.textproto` and `matches`, `find` and `findAll` from the Kubernetes library cases
/// (`k8s-library.json`, sections "unicode strings" and "stdlib regex functions"), run on the engine directly
/// with the bindings of those cases.
struct RE2CELConformanceTests {
    /// `text.matches(pattern)` and its expected value.
    static let matchesCases: [(text: String, pattern: String, expected: Bool)] = [
        ("hubba", "ubb", true),  // string.json basic
        ("", "foo|bar", false),  // empty_target
        ("", "", true),  // empty_empty
        ("grey", "gr(a|e)y", true),  // re_alt
        ("banana", "ba(na)*", true),  // re_rep
        ("mañana", "a+ñ+a+", true),  // unicode
        ("🐱😀😀", "(a|😀){2}", true),  // unicode_smp
        ("Rook takes 👑", "^[^0-9]*$", true),  // k8s: self.val1.matches('^[^0-9]*$')
        ("Rook takes 👑", "^[0-9]*$", false),  // k8s: !self.val1.matches('^[0-9]*$')
    ]

    @Test(arguments: matchesCases)
    func matches(text: String, pattern: String, expected: Bool) throws {
        #expect(try RE2Regex(pattern).matches(text) == expected)
    }

    /// The binding `self.str` of the Kubernetes "stdlib regex functions" cases.
    static let libraryText = "this is a 123 string 456"

    @Test func findReturnsTheFirstMatchOrNothing() throws {
        #expect(try RE2Regex("[0-9]+").firstMatch(in: Self.libraryText) == "123")
        #expect(try RE2Regex("xyz").firstMatch(in: Self.libraryText) == nil)
    }

    @Test(arguments: [
        (0, [String]()),
        (1, ["123"]),
        (3, ["123", "456"]),
        (-1, ["123", "456"]),
    ])
    func findAllHonoursTheLimit(limit: Int, expected: [String]) throws {
        #expect(try RE2Regex("[0-9]+").allMatches(in: Self.libraryText, limit: limit).map(String.init) == expected)
    }

    @Test func findAllWithoutMatchesIsEmpty() throws {
        #expect(try RE2Regex("xyz").allMatches(in: Self.libraryText).isEmpty)
        #expect(try RE2Regex("xyz").allMatches(in: Self.libraryText, limit: 1).isEmpty)
    }

    /// `self.str.find(')')`: the API server's message ends with Go's parse error.
    @Test func anUnbalancedParenthesisIsGosError() {
        #expect(throws: RegexSyntaxError(.unexpectedParenthesis, ")")) { try RE2Regex(")") }
        #expect(RegexSyntaxError(.unexpectedParenthesis, ")").description == "error parsing regexp: unexpected ): `)`")
    }
}
