import Foundation
import Testing
@testable import RampartCEL

/// Every compile error, with Go's message (checked against Go's `regexp.Compile` on the same patterns).
struct RE2SyntaxErrorTests {
    static let cases: [(pattern: String, message: String)] = [
        ("(a", "missing closing ): `(a`"),
        ("a)", "unexpected ): `a)`"),
        ("[a", "missing closing ]: `[a`"),
        ("[a-", "missing closing ]: `[a-`"),
        ("x[abc", "missing closing ]: `[abc`"),
        ("[z-a]", "invalid character class range: `z-a`"),
        ("[[:foo:]]", "invalid character class range: `[:foo:]`"),
        ("[[:a]b:]", "invalid character class range: `[:a]b:]`"),
        ("\\p{Foo}", "invalid character class range: `\\p{Foo}`"),
        ("\\pX", "invalid character class range: `\\pX`"),
        ("\\p{Greek", "invalid character class range: `\\p{Greek`"),
        ("\\p", "invalid character class range: `\\p`"),
        ("a**", "invalid nested repetition operator: `**`"),
        ("a*+", "invalid nested repetition operator: `*+`"),
        ("a??*", "invalid nested repetition operator: `??*`"),
        ("a{2}{3}", "invalid nested repetition operator: `{2}{3}`"),
        ("*", "missing argument to repetition operator: `*`"),
        ("a|*", "missing argument to repetition operator: `*`"),
        ("(*)", "missing argument to repetition operator: `*`"),
        ("(?i)*", "missing argument to repetition operator: `*`"),
        ("+?", "missing argument to repetition operator: `+?`"),
        ("{1}", "missing argument to repetition operator: `{1}`"),
        ("\\Q\\E*", "missing argument to repetition operator: `*`"),
        ("a{1001}", "invalid repeat count: `{1001}`"),
        ("a{2,1}", "invalid repeat count: `{2,1}`"),
        ("(a{500}){3}", "invalid repeat count: `{3}`"),
        ("(?:a{10}){101}", "invalid repeat count: `{101}`"),
        ("a{100000000}", "invalid repeat count: `{100000000}`"),
        ("\\8", "invalid escape sequence: `\\8`"),
        ("(a)\\1", "invalid escape sequence: `\\1`"),  // backreferences are not RE2
        ("\\q", "invalid escape sequence: `\\q`"),
        ("\\C", "invalid escape sequence: `\\C`"),
        ("\\é", "invalid escape sequence: `\\é`"),
        ("\\x{110000}", "invalid escape sequence: `\\x{110000`"),
        ("\\xZZ", "invalid escape sequence: `\\xZZ`"),
        ("\\x{}", "invalid escape sequence: `\\x{}`"),
        ("\\x{12", "invalid escape sequence: `\\x{12`"),
        ("\\x4", "invalid escape sequence: `\\x4`"),
        ("[a-\\d]", "invalid escape sequence: `\\d`"),
        ("a\\", "trailing backslash at end of expression: ``"),
        ("(?P<>a)", "invalid named capture: `(?P<>`"),
        ("(?P<a-b>x)", "invalid named capture: `(?P<a-b>`"),
        ("(?P<name", "invalid named capture: `(?P<name`"),
        // Go 1.22 reads `(?<` as a named capture, so a lookbehind is a bad name.
        ("(?<=a)b", "invalid named capture: `(?<=a)b`"),
        ("(?<!a)b", "invalid named capture: `(?<!a)b`"),
        ("(?=a)", "invalid or unsupported Perl syntax: `(?=`"),
        ("(?!a)", "invalid or unsupported Perl syntax: `(?!`"),
        ("(?>a)", "invalid or unsupported Perl syntax: `(?>`"),
        ("(?P=name)", "invalid or unsupported Perl syntax: `(?P`"),
        ("(?i-)", "invalid or unsupported Perl syntax: `(?i-)`"),
        ("(?--i)", "invalid or unsupported Perl syntax: `(?--`"),
        ("(?x)", "invalid or unsupported Perl syntax: `(?x`"),
        ("(?i", "invalid or unsupported Perl syntax: `(?i`"),
        ("(?", "invalid or unsupported Perl syntax: `(?`"),
    ]

    @Test(arguments: cases)
    func refusedWithGosMessage(pattern: String, message: String) {
        #expect(throws: RegexSyntaxError.self) { try RE2Regex(pattern) }
        do {
            _ = try RE2Regex(pattern)
        } catch {
            #expect(error.description == "error parsing regexp: " + message)
        }
    }

    /// Patterns that look wrong but that Go accepts.
    @Test(arguments: [
        "[]a]", "[^]a]", "\\_", "(?)", "(?i)(?-i)a", "a{,2}", "x{2}{,3}", "a(?i)*", "[\\d-z]", "\\z*", "^*", "()*",
        "(|)+", "(?P<n>a)(?P<n>b)", "(?<name>a)", "(?m-s:a)", "a{1000}", "(?:a{10}){100}", "(?:a{0}){1000}",
    ])
    func accepted(pattern: String) {
        #expect(throws: Never.self) { try RE2Regex(pattern) }
    }

    @Test func nestingDeeperThanGosLimitIsRefusedNotOverflowed() throws {
        let tooDeep = String(repeating: "(", count: 1001) + "a" + String(repeating: ")", count: 1001)
        #expect(throws: RegexSyntaxError(.nestingTooDeep, tooDeep)) { try RE2Regex(tooDeep) }
        let deep = String(repeating: "(", count: 990) + "a" + String(repeating: ")", count: 990)
        #expect(try RE2Regex(deep).firstMatchGroups(in: "xa")?.count == 991)
        // Groups that leave no node nest without limit and without recursion.
        let flat = String(repeating: "(?:", count: 50_000) + "a" + String(repeating: ")", count: 50_000)
        #expect(try RE2Regex(flat).matches("a"))
        let unclosed = String(repeating: "(", count: 50_000)
        #expect(throws: RegexSyntaxError(.missingParenthesis, unclosed)) { try RE2Regex(unclosed) }
    }

    /// Parser, compiler and VM keep their own stacks: the deepest trees Go accepts compile and match on a thread
    /// with a 256 KiB stack (in a debug build too).
    @Test func theDeepestAcceptedPatternsNeedNoDeepStack() async {
        let deepest = [
            String(repeating: "(", count: 995) + "a" + String(repeating: ")", count: 995),
            String(repeating: "(", count: 498) + "a" + String(repeating: ")*", count: 498),
            String(repeating: "(", count: 498) + String(repeating: ")*", count: 498),
            String(repeating: "(", count: 498) + "a" + String(repeating: "){1}", count: 498),
            String(repeating: "(?:a|", count: 995) + "b" + String(repeating: ")", count: 995),
        ]
        let answers: [Bool] = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: deepest.map { pattern in
                    (try? RE2Regex(pattern)).map { $0.matches("ab") && $0.firstMatchGroups(in: "ab") != nil } ?? false
                })
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
        #expect(answers == Array(repeating: true, count: deepest.count))
    }

    /// Rampart's size limit (Go's is 30 times larger): the VM's cost per scalar grows with the program.
    @Test func programsOverTheSizeLimitAreRefused() throws {
        let large = String(repeating: "[a-z]{1000}", count: 101)
        #expect(throws: RegexSyntaxError(.tooLarge, large)) { try RE2Regex(large) }
        #expect(try RE2Regex(String(repeating: "[a-z]{1000}", count: 99)).instructionCount < RegexProgram.maximumInstructions)
    }
}
