/// The flags of RE2 syntax that a pattern can set with `(?flags)` or `(?flags:re)`.
struct RegexFlags: Sendable, Equatable {
    /// `i`: case-insensitive.
    var foldCase = false
    /// `m`: `^` and `$` match at line boundaries too.
    var multiLine = false
    /// `s`: `.` matches `\n`.
    var dotMatchesNewline = false
    /// `U`: `x*` prefers fewer and `x*?` more.
    var ungreedy = false
}

/// Parses RE2 syntax (Go's `regexp` with Perl flags) into a `RegexNode` tree and reports Go's errors.
///
/// The parser keeps its open groups on an explicit stack, so nothing recurses on the pattern; trees deeper than
/// `maximumHeight` are refused with Go's error. No pass over the tree recurses either (see `RegexCompiler`,
/// `RegexNode.release`).
struct RegexParser {
    /// Go's `maxHeight`: the deepest tree accepted.
    static let maximumHeight = 1000
    /// Go's `maxRepeat`: the largest count in `x{n,m}`, and the largest product of nested counts.
    static let maximumRepeat = 1000

    /// A finished subtree with what the limits need to know about it.
    struct Piece {
        let node: RegexNode
        let height: Int
        /// The largest product of nested `{n,m}` counts along one path (Go's `repeatIsValid` measure).
        let repeatWeight: Int
        /// Whether it can match the empty string.
        let matchesEmpty: Bool
    }

    /// A group whose `)` has not been seen yet.
    struct OpenGroup {
        enum Kind { case whole, nonCapturing, capturing(Int) }
        let kind: Kind
        /// The flags to restore at its `)`.
        let flagsOutside: RegexFlags
        var branches: [Piece] = []
        var sequence: [Piece] = []
    }

    let pattern: [Unicode.Scalar]
    let source: String
    /// Where the last `:]` of the pattern starts, if it has one.
    let lastPOSIXClose: Int?
    var position = 0
    var flags = RegexFlags()
    var groups = [OpenGroup(kind: .whole, flagsOutside: RegexFlags())]
    var captureNames: [String?] = [nil]
    /// Where the repetition operator of the previous token started, if the previous token was one.
    var previousRepetitionStart: Int?

    /// Parses `source`.
    /// Parses `source`: the tree, and the name of each capturing group by index (index 0, the whole match, has
    /// none).
    static func parse(_ source: String) throws(RegexSyntaxError) -> (root: RegexNode, captureNames: [String?]) {
        var parser = RegexParser(pattern: Array(source.unicodeScalars), source: source)
        let root = try parser.parseAll()
        return (root, parser.captureNames)
    }

    private init(pattern: [Unicode.Scalar], source: String) {
        self.pattern = pattern
        self.source = source
        lastPOSIXClose = pattern.indices.dropLast().last { pattern[$0] == ":" && pattern[$0 + 1] == "]" }
    }

    private mutating func parseAll() throws(RegexSyntaxError) -> RegexNode {
        while position < pattern.count {
            var repetitionStart: Int?
            let scalar = pattern[position]
            switch scalar {
            case "(":
                if self.scalar(at: position + 1) == "?" {
                    try parseGroupOpening()
                } else {
                    openCapture(named: nil)
                    position += 1
                }
            case "|":
                try endBranch()
                position += 1
            case ")":
                try closeGroup()
                position += 1
            case "^":
                try append(.assertion(flags.multiLine ? .beginLine : .beginText))
                position += 1
            case "$":
                try append(.assertion(flags.multiLine ? .endLine : .endText))
                position += 1
            case ".":
                try append(.anyScalar(matchesNewline: flags.dotMatchesNewline))
                position += 1
            case "[":
                try parseBracketClass()
            case "*", "+", "?":
                let start = position
                position += 1
                repetitionStart = start
                switch scalar {
                case "*": try applyRepetition(min: 0, max: nil, operatorStart: start, counted: false)
                case "+": try applyRepetition(min: 1, max: nil, operatorStart: start, counted: false)
                default: try applyRepetition(min: 0, max: 1, operatorStart: start, counted: false)
                }
            case "{":
                let start = position
                if let counts = countsOfRepetition() {
                    if counts.min < 0 || counts.min > Self.maximumRepeat || (counts.max ?? 0) > Self.maximumRepeat
                        || (counts.max ?? 0) < 0 || counts.min > (counts.max ?? Int.max) {
                        throw RegexSyntaxError(.invalidRepeatCount, text(start..<counts.end))
                    }
                    position = counts.end
                    repetitionStart = start
                    try applyRepetition(min: counts.min, max: counts.max, operatorStart: start, counted: true)
                } else {
                    try appendLiteral(scalar.value)
                    position += 1
                }
            case "\\":
                try parseBackslash()
            default:
                try appendLiteral(scalar.value)
                position += 1
            }
            previousRepetitionStart = repetitionStart
        }
        guard groups.count == 1, let whole = groups.last else {
            throw RegexSyntaxError(.missingParenthesis, source)
        }
        return try finish(whole).node
    }

    // MARK: Building the tree

    /// The pattern text of `range` (scalar offsets), for error messages.
    func text(_ range: Range<Int>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: pattern[max(0, range.lowerBound)..<min(pattern.count, range.upperBound)])
        return String(scalars)
    }

    func scalar(at offset: Int) -> Unicode.Scalar? {
        offset < pattern.count ? pattern[offset] : nil
    }

    /// A piece over `children`, refused if it makes the tree too deep.
    func piece(_ node: RegexNode, over children: [Piece]) throws(RegexSyntaxError) -> Piece {
        let height = 1 + children.reduce(0) { max($0, $1.height) }
        if height > Self.maximumHeight { throw RegexSyntaxError(.nestingTooDeep, source) }
        let matchesEmpty: Bool
        switch node {
        case .empty, .assertion: matchesEmpty = true
        case .literal, .anyScalar, .scalarClass: matchesEmpty = false
        case .capture, .concatenation: matchesEmpty = children.allSatisfy(\.matchesEmpty)
        case .alternation: matchesEmpty = children.contains(where: \.matchesEmpty)
        case .repetition(_, let min, _, _, _): matchesEmpty = min == 0 || children.allSatisfy(\.matchesEmpty)
        }
        return Piece(
            node: node, height: height, repeatWeight: children.reduce(1) { max($0, $1.repeatWeight) },
            matchesEmpty: matchesEmpty)
    }

    mutating func append(_ node: RegexNode) throws(RegexSyntaxError) {
        groups[groups.count - 1].sequence.append(try piece(node, over: []))
    }

    mutating func appendLiteral(_ value: UInt32) throws(RegexSyntaxError) {
        try append(.literal(value, foldCase: flags.foldCase))
    }

    private func concatenation(_ sequence: [Piece]) throws(RegexSyntaxError) -> Piece {
        switch sequence.count {
        case 0: return try piece(.empty, over: [])
        case 1: return sequence[0]
        default: return try piece(.concatenation(sequence.map(\.node)), over: sequence)
        }
    }

    private func finish(_ group: OpenGroup) throws(RegexSyntaxError) -> Piece {
        let branches = group.branches + [try concatenation(group.sequence)]
        if branches.count == 1 { return branches[0] }
        return try piece(.alternation(branches.map(\.node)), over: branches)
    }

    private mutating func endBranch() throws(RegexSyntaxError) {
        let last = groups.count - 1
        groups[last].branches.append(try concatenation(groups[last].sequence))
        groups[last].sequence = []
    }

    mutating func openCapture(named name: String?) {
        captureNames.append(name)
        groups.append(OpenGroup(kind: .capturing(captureNames.count - 1), flagsOutside: flags))
    }

    private mutating func closeGroup() throws(RegexSyntaxError) {
        guard groups.count > 1, let group = groups.popLast() else {
            throw RegexSyntaxError(.unexpectedParenthesis, source)
        }
        var content = try finish(group)
        if case .capturing(let index) = group.kind {
            content = try piece(.capture(index: index, content.node), over: [content])
        }
        flags = group.flagsOutside
        groups[groups.count - 1].sequence.append(content)
    }

    // MARK: Repetition

    /// `{n}`, `{n,}` or `{n,m}` at `position`: the counts (-1 for a number too large to read, `max == nil` for
    /// no maximum) and where it ends; nil if the text is not of that form (then `{` is a literal).
    private func countsOfRepetition() -> (min: Int, max: Int?, end: Int)? {
        guard let (min, afterMin) = decimal(at: position + 1), afterMin < pattern.count else { return nil }
        var offset = afterMin
        var max: Int? = min
        if pattern[offset] == "," {
            offset += 1
            guard offset < pattern.count else { return nil }
            if pattern[offset] == "}" {
                max = nil
            } else {
                guard let (value, afterMax) = decimal(at: offset) else { return nil }
                max = value
                offset = afterMax
            }
        }
        guard offset < pattern.count, pattern[offset] == "}" else { return nil }
        return (min, max, offset + 1)
    }

    /// A decimal number without leading zeros at `offset`, -1 if it is 10^8 or more, and the offset after it.
    private func decimal(at offset: Int) -> (Int, Int)? {
        guard let first = scalar(at: offset), ("0"..."9").contains(first) else { return nil }
        if first == "0", let second = scalar(at: offset + 1), ("0"..."9").contains(second) { return nil }
        var end = offset
        var value = 0
        while let digit = scalar(at: end), ("0"..."9").contains(digit) {
            if value >= 0 {
                value = value >= 100_000_000 ? -1 : value * 10 + Int(digit.value - 0x30)
            }
            end += 1
        }
        return (value >= 100_000_000 ? -1 : value, end)
    }

    /// Replaces the last piece of the current sequence with its repetition; `position` is after the operator.
    private mutating func applyRepetition(min: Int, max: Int?, operatorStart: Int, counted: Bool) throws(RegexSyntaxError) {
        var greedy = !flags.ungreedy
        if scalar(at: position) == "?" {
            position += 1
            greedy.toggle()
        }
        if let previous = previousRepetitionStart {
            throw RegexSyntaxError(.invalidNestedRepetition, text(previous..<position))
        }
        let last = groups.count - 1
        guard let operand = groups[last].sequence.popLast() else {
            throw RegexSyntaxError(.missingRepeatArgument, text(operatorStart..<position))
        }
        var weight = operand.repeatWeight
        if counted {
            let count = max ?? min
            if (min >= 2 || (max ?? 0) >= 2) && count > 0 && count * operand.repeatWeight > Self.maximumRepeat {
                throw RegexSyntaxError(.invalidRepeatCount, text(operatorStart..<position))
            }
            weight = max == 0 ? 1 : Swift.min(Swift.max(count, 1) * operand.repeatWeight, Self.maximumRepeat + 1)
        }
        let repetition = RegexNode.repetition(
            operand.node, min: min, max: max, greedy: greedy, bodyMatchesEmpty: operand.matchesEmpty)
        let repeated = try piece(repetition, over: [operand])
        groups[last].sequence.append(
            Piece(node: repeated.node, height: repeated.height, repeatWeight: weight, matchesEmpty: repeated.matchesEmpty))
    }
}
