/// Why a pattern is not a valid RE2 regular expression, worded as Go's `regexp/syntax` words it, so that a
/// CEL error reads the same as the Kubernetes API server's: "error parsing regexp: missing closing ): `(a`".
package struct RegexSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kind of failure; its raw value is Go's `ErrorCode` text.
    package enum Code: String, Sendable, CaseIterable {
        case invalidCharacterClass = "invalid character class"
        case invalidCharacterRange = "invalid character class range"
        case invalidEscape = "invalid escape sequence"
        case invalidNamedCapture = "invalid named capture"
        case invalidPerlSyntax = "invalid or unsupported Perl syntax"
        case invalidNestedRepetition = "invalid nested repetition operator"
        case invalidRepeatCount = "invalid repeat count"
        case missingBracket = "missing closing ]"
        case missingParenthesis = "missing closing )"
        case missingRepeatArgument = "missing argument to repetition operator"
        case trailingBackslash = "trailing backslash at end of expression"
        case unexpectedParenthesis = "unexpected )"
        case nestingTooDeep = "expression nests too deeply"
        case tooLarge = "expression too large"
        /// A program that jumps outside itself: a bug of the compiler, refused rather than run.
        case internalError = "regexp/syntax: internal error"
    }

    /// The kind of failure.
    package let code: Code
    /// The offending part of the pattern (for some codes the whole pattern, for a trailing backslash nothing),
    /// as Go reports it.
    package let expression: String

    package init(_ code: Code, _ expression: String) {
        self.code = code
        self.expression = expression
    }

    /// Go's `(*syntax.Error).Error()` text.
    package var description: String { "error parsing regexp: \(code.rawValue): `\(expression)`" }
}
