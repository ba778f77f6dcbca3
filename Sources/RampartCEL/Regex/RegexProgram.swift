/// One step of a compiled pattern, for the Pike VM.
enum RegexInstruction: Sendable, Equatable {
    /// Consume this scalar.
    case scalar(UInt32)
    /// Consume any scalar of the case-folding orbit `orbits[index]`.
    case foldedScalar(orbit: Int)
    /// Consume any scalar.
    case anyScalar
    /// Consume any scalar but `\n`.
    case anyScalarExceptNewline
    /// Consume a scalar of `classes[index]`.
    case scalarClass(Int)
    /// Continue at both targets, the first preferred.
    case split(Int, Int)
    /// Continue at the target.
    case jump(Int)
    /// Record the current position in capture slot `n` (2k and 2k+1 are the bounds of group k).
    case save(Int)
    /// Continue only where the assertion holds.
    case assertion(RegexAssertion)
    /// A match.
    case match
}

/// A compiled pattern: a program of instructions for a Pike VM, and the tables they refer to.
struct RegexProgram: Sendable {
    /// Rampart's size limit (Go's is about 3.3 million instructions): the VM's time and memory per match grow
    /// with it, and real patterns stay far below it (`[a-z0-9]{1,253}` takes about 760).
    static let maximumInstructions = 100_000

    let instructions: [RegexInstruction]
    let classes: [ScalarClass]
    let orbits: [[UInt32]]
    /// Two per capturing group, the whole match included.
    let slotCount: Int
    /// Every match must start at the beginning of the text (the pattern begins with `\A` or `^`).
    let anchoredAtStart: Bool
}

/// Compiles a parse tree into a `RegexProgram`, as Go's `regexp/syntax` does after simplifying: counted
/// repetitions are unrolled (`x{2,4}` is `xx(x(x)?)?`) and `x*` of a nullable `x` is `(x+)?`, which keeps
/// Go's match priorities.
struct RegexCompiler {
    private var instructions: [RegexInstruction] = []
    private var classes: [ScalarClass] = []
    private var orbits: [[UInt32]] = []
    private let source: String

    /// Compiles `parsed` (the pattern `source`), refusing programs over `RegexProgram.maximumInstructions`.
    static func compile(_ parsed: RegexParser.Parsed, source: String) throws(RegexSyntaxError) -> RegexProgram {
        var compiler = RegexCompiler(source: source)
        try compiler.emit(.save(0))
        _ = try compiler.compile(parsed.root)
        try compiler.emit(.save(1))
        try compiler.emit(.match)
        let first = compiler.instructions.dropFirst().first { if case .save = $0 { false } else { true } }
        return RegexProgram(
            instructions: compiler.instructions, classes: compiler.classes, orbits: compiler.orbits,
            slotCount: 2 * parsed.captureNames.count, anchoredAtStart: first == .assertion(.beginText))
    }

    private init(source: String) {
        self.source = source
    }

    private mutating func emit(_ instruction: RegexInstruction) throws(RegexSyntaxError) {
        guard instructions.count < RegexProgram.maximumInstructions else {
            throw RegexSyntaxError(.tooLarge, source)
        }
        instructions.append(instruction)
    }

    /// Emits a split whose targets are patched later; returns its address.
    private mutating func emitPlaceholder() throws(RegexSyntaxError) -> Int {
        try emit(.jump(-1))
        return instructions.count - 1
    }

    /// A split at `address` to `body` (the next instruction) and `exit`, preferring `body` when greedy.
    private mutating func patchSplit(_ address: Int, body: Int, exit: Int, greedy: Bool) {
        instructions[address] = greedy ? .split(body, exit) : .split(exit, body)
    }

    /// Emits `node`; returns whether it can match the empty string.
    private mutating func compile(_ node: RegexNode) throws(RegexSyntaxError) -> Bool {
        switch node {
        case .empty:
            return true
        case .literal(let value, let foldCase):
            let orbit = foldCase ? CaseFolding.orbit(of: value) : [value]
            if orbit.count == 1 {
                try emit(.scalar(value))
            } else {
                orbits.append(orbit)
                try emit(.foldedScalar(orbit: orbits.count - 1))
            }
            return false
        case .anyScalar(let matchesNewline):
            try emit(matchesNewline ? .anyScalar : .anyScalarExceptNewline)
            return false
        case .scalarClass(let scalarClass):
            classes.append(scalarClass)
            try emit(.scalarClass(classes.count - 1))
            return false
        case .assertion(let assertion):
            try emit(.assertion(assertion))
            return true
        case .capture(let index, let body):
            try emit(.save(2 * index))
            let nullable = try compile(body)
            try emit(.save(2 * index + 1))
            return nullable
        case .concatenation(let elements):
            var nullable = true
            for element in elements {
                if !(try compile(element)) { nullable = false }
            }
            return nullable
        case .alternation(let alternatives):
            return try compileAlternation(alternatives)
        case .repetition(let body, let min, let max, let greedy):
            return try compileRepetition(body, min: min, max: max, greedy: greedy)
        }
    }

    private mutating func compileAlternation(_ alternatives: [RegexNode]) throws(RegexSyntaxError) -> Bool {
        var exits: [Int] = []
        var nullable = false
        for (offset, alternative) in alternatives.enumerated() {
            let isLast = offset == alternatives.count - 1
            let split = isLast ? nil : try emitPlaceholder()
            if try compile(alternative) { nullable = true }
            if !isLast {
                exits.append(try emitPlaceholder())
            }
            if let split { patchSplit(split, body: split + 1, exit: instructions.count, greedy: true) }
        }
        for exit in exits { instructions[exit] = .jump(instructions.count) }
        return nullable
    }

    private mutating func compileRepetition(_ body: RegexNode, min: Int, max: Int?, greedy: Bool) throws(RegexSyntaxError) -> Bool {
        if max == 0 { return true }
        guard let max else {
            // x{n,}: n-1 copies, then x+ (or x* for n = 0).
            let copiesNullable = try compileCopies(body, count: min - 1)
            return min == 0 ? try compileStar(body, greedy: greedy) : try compilePlus(body, greedy: greedy) && copiesNullable
        }
        let nullable = try compileCopies(body, count: min)
        // The optional copies, nested: each one is tried only after the previous matched.
        var splits: [Int] = []
        for _ in min..<max {
            splits.append(try emitPlaceholder())
            _ = try compile(body)
        }
        for split in splits { patchSplit(split, body: split + 1, exit: instructions.count, greedy: greedy) }
        return nullable
    }

    /// `count` copies of the body in sequence; returns whether they can match the empty string.
    private mutating func compileCopies(_ body: RegexNode, count: Int) throws(RegexSyntaxError) -> Bool {
        var nullable = true
        for _ in 0..<Swift.max(count, 0) {
            if !(try compile(body)) { nullable = false }
        }
        return nullable
    }

    /// x+: the body, then a split back to it.
    private mutating func compilePlus(_ body: RegexNode, greedy: Bool) throws(RegexSyntaxError) -> Bool {
        let start = instructions.count
        let nullable = try compile(body)
        let loop = try emitPlaceholder()
        patchSplit(loop, body: start, exit: loop + 1, greedy: greedy)
        return nullable
    }

    /// x*: a split into the body and a jump back, or `(x+)?` when the body can match empty.
    private mutating func compileStar(_ body: RegexNode, greedy: Bool) throws(RegexSyntaxError) -> Bool {
        let entry = try emitPlaceholder()
        if try compile(body) {
            let loop = try emitPlaceholder()
            patchSplit(loop, body: entry + 1, exit: loop + 1, greedy: greedy)
        } else {
            try emit(.jump(entry))
        }
        patchSplit(entry, body: entry + 1, exit: instructions.count, greedy: greedy)
        return true
    }
}
