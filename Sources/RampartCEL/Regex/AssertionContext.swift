/// The scalars on either side of a position (-1 for the edge of the text), which decide the assertions.
struct AssertionContext {
    let before: Int
    let after: Int

    func holds(_ assertion: RegexAssertion) -> Bool {
        switch assertion {
        case .beginText: return before < 0
        case .endText: return after < 0
        case .beginLine: return before < 0 || before == 0x0A
        case .endLine: return after < 0 || after == 0x0A
        case .wordBoundary: return Self.isWord(before) != Self.isWord(after)
        case .notWordBoundary: return Self.isWord(before) == Self.isWord(after)
        }
    }

    /// An ASCII word character, `[0-9A-Za-z_]`.
    static func isWord(_ scalar: Int) -> Bool {
        (0x30...0x39).contains(scalar) || (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar)
            || scalar == 0x5F
    }
}
