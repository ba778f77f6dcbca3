/// A zero-width condition on the text around the current position.
enum RegexAssertion: Sendable, Equatable {
    /// `\A`, or `^` without the `m` flag.
    case beginText
    /// `\z`, or `$` without the `m` flag.
    case endText
    /// `^` with the `m` flag: at the beginning of the text or after a newline.
    case beginLine
    /// `$` with the `m` flag: at the end of the text or before a newline.
    case endLine
    /// `\b`: an ASCII word character on exactly one side.
    case wordBoundary
    /// `\B`: not at an ASCII word boundary.
    case notWordBoundary
}

/// The parse tree of an RE2 pattern. Non-capturing groups and flag groups leave no node of their own.
indirect enum RegexNode: Sendable {
    /// Matches the empty string.
    case empty
    /// One Unicode scalar value (possibly a surrogate value, which never matches); with `foldCase`, any
    /// scalar of the same simple case-folding orbit.
    case literal(UInt32, foldCase: Bool)
    /// `.`: any scalar, or any scalar except `\n`.
    case anyScalar(matchesNewline: Bool)
    /// A bracket class, Perl class, POSIX class or Unicode class.
    case scalarClass(ScalarClass)
    /// `^`, `$`, `\A`, `\z`, `\b`, `\B`.
    case assertion(RegexAssertion)
    /// A numbered capturing group (1-based).
    case capture(index: Int, RegexNode)
    /// `x*`, `x+`, `x?`, `x{n}`, `x{n,}`, `x{n,m}`; `max == nil` is unbounded. `bodyMatchesEmpty`: whether `x`
    /// can match the empty string (then `x*` compiles as `(x+)?`, as in Go).
    case repetition(RegexNode, min: Int, max: Int?, greedy: Bool, bodyMatchesEmpty: Bool)
    /// Sequence, at least two elements.
    case concatenation([RegexNode])
    /// Alternatives in priority order, at least two.
    case alternation([RegexNode])
}

extension RegexNode {
    /// Releases a tree without recursion: every node's children are held here before the node goes, so no
    /// release cascades down the tree (a tree 1,000 levels deep would otherwise be freed 1,000 frames deep).
    static func release(_ root: consuming RegexNode) {
        var held = [root]
        while let node = held.popLast() {
            switch node {
            case .empty, .literal, .anyScalar, .scalarClass, .assertion: break
            case .capture(_, let body): held.append(body)
            case .repetition(let body, _, _, _, _): held.append(body)
            case .concatenation(let elements), .alternation(let elements): held.append(contentsOf: elements)
            }
        }
    }
}
