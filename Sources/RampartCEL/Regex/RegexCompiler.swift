/// Compiles a parse tree into a `RegexProgram`, as Go's `regexp/syntax` does after simplifying: counted
/// repetitions are unrolled (`x{2,4}` is `xx(x(x)?)?`) and `x*` of a nullable `x` is `(x+)?`, which keeps
/// Go's match priorities. The tree is walked with an explicit stack of tasks, not by recursion.
struct RegexCompiler {
    /// Work left: a node to emit, or the rest of a construct to finish once the code before it is emitted.
    private enum Task {
        case node(RegexNode)
        case emit(RegexInstruction)
        /// After alternative `index` (not the last), whose split is at `split`: its exit jump, the split's
        /// other target, the next alternative.
        case alternative([RegexNode], index: Int, split: Int)
        /// `x+`: the body, then a split back to it.
        case plus(RegexNode, greedy: Bool)
        /// After the body of `x+` that starts at `start`.
        case plusLoop(start: Int, greedy: Bool)
        /// `x*`: a split into the body and a way back.
        case star(RegexNode, greedy: Bool, bodyMatchesEmpty: Bool)
        /// After the body of `x*` whose entry split is at `entry`.
        case starLoop(entry: Int, greedy: Bool, bodyMatchesEmpty: Bool)
        /// `remaining` more optional copies of `body`, each tried only after the one before matched.
        case optionalCopies(RegexNode, remaining: Int, greedy: Bool)
        /// Points the pending exits above `mark` (jumps, or splits whose body is the next instruction) to here.
        case patchPending(mark: Int, splits: Bool, greedy: Bool)
    }

    private var instructions: [RegexInstruction] = []
    private var classes: [ScalarClass] = []
    private var orbits: [[UInt32]] = []
    private var tasks: [Task] = []
    /// Jumps and splits that exit to the end of a construct still being emitted.
    private var pending: [Int] = []
    private let source: String

    /// Compiles the tree of the pattern `source` with `captureCount` groups, refusing programs over
    /// `RegexProgram.maximumInstructions`.
    static func compile(_ root: RegexNode, captureCount: Int, source: String) throws(RegexSyntaxError) -> RegexProgram {
        var compiler = RegexCompiler(source: source)
        try compiler.emit(.save(0))
        try compiler.run(root)
        try compiler.emit(.save(1))
        try compiler.emit(.match)
        // The VM indexes its tables by these targets without bounds checks in release builds.
        let addresses = 0..<compiler.instructions.count
        let targetsValid = compiler.instructions.allSatisfy { instruction in
            switch instruction {
            case .split(let first, let second): addresses.contains(first) && addresses.contains(second)
            case .jump(let target): addresses.contains(target)
            default: true
            }
        }
        guard targetsValid, case .match = compiler.instructions.last else {
            throw RegexSyntaxError(.internalError, source)
        }
        let first = compiler.instructions.dropFirst().first { if case .save = $0 { false } else { true } }
        return RegexProgram(
            instructions: compiler.instructions, classes: compiler.classes, orbits: compiler.orbits,
            slotCount: 2 * (captureCount + 1), anchoredAtStart: first == .assertion(.beginText))
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

    /// Emits a jump or split whose targets are patched later; returns its address.
    private mutating func emitPlaceholder() throws(RegexSyntaxError) -> Int {
        try emit(.jump(-1))
        return instructions.count - 1
    }

    /// A split at `address` to `body` (the next instruction) and `exit`, preferring `body` when greedy.
    private mutating func patchSplit(_ address: Int, body: Int, exit: Int, greedy: Bool) {
        instructions[address] = greedy ? .split(body, exit) : .split(exit, body)
    }

    private mutating func run(_ root: RegexNode) throws(RegexSyntaxError) {
        tasks.append(.node(root))
        while let task = tasks.popLast() {
            switch task {
            case .node(let node):
                try compile(node)
            case .emit(let instruction):
                try emit(instruction)
            case .alternative(let alternatives, let index, let split):
                pending.append(try emitPlaceholder())
                patchSplit(split, body: split + 1, exit: instructions.count, greedy: true)
                try startAlternative(alternatives, index: index + 1)
            case .plus(let body, let greedy):
                tasks.append(.plusLoop(start: instructions.count, greedy: greedy))
                tasks.append(.node(body))
            case .plusLoop(let start, let greedy):
                let loop = try emitPlaceholder()
                patchSplit(loop, body: start, exit: loop + 1, greedy: greedy)
            case .star(let body, let greedy, let bodyMatchesEmpty):
                let entry = try emitPlaceholder()
                tasks.append(.starLoop(entry: entry, greedy: greedy, bodyMatchesEmpty: bodyMatchesEmpty))
                tasks.append(.node(body))
            case .starLoop(let entry, let greedy, let bodyMatchesEmpty):
                if bodyMatchesEmpty {
                    // (x+)?: loop back after the body, so that an empty body iteration ends the loop.
                    let loop = try emitPlaceholder()
                    patchSplit(loop, body: entry + 1, exit: loop + 1, greedy: greedy)
                } else {
                    try emit(.jump(entry))
                }
                patchSplit(entry, body: entry + 1, exit: instructions.count, greedy: greedy)
            case .optionalCopies(let body, let remaining, let greedy):
                guard remaining > 0 else { continue }
                pending.append(try emitPlaceholder())
                tasks.append(.optionalCopies(body, remaining: remaining - 1, greedy: greedy))
                tasks.append(.node(body))
            case .patchPending(let mark, let splits, let greedy):
                for address in pending[mark...] {
                    if splits {
                        patchSplit(address, body: address + 1, exit: instructions.count, greedy: greedy)
                    } else {
                        instructions[address] = .jump(instructions.count)
                    }
                }
                pending.removeSubrange(mark...)
            }
        }
    }

    /// Emits the code of a leaf, or schedules the parts of a composite node.
    private mutating func compile(_ node: RegexNode) throws(RegexSyntaxError) {
        switch node {
        case .empty:
            break
        case .literal(let value, let foldCase):
            let orbit = foldCase ? CaseFolding.orbit(of: value) : [value]
            if orbit.count == 1 {
                try emit(.scalar(value))
            } else {
                orbits.append(orbit)
                try emit(.foldedScalar(orbit: orbits.count - 1))
            }
        case .anyScalar(let matchesNewline):
            try emit(matchesNewline ? .anyScalar : .anyScalarExceptNewline)
        case .scalarClass(let scalarClass):
            classes.append(scalarClass)
            try emit(.scalarClass(classes.count - 1))
        case .assertion(let assertion):
            try emit(.assertion(assertion))
        case .capture(let index, let body):
            try emit(.save(2 * index))
            tasks.append(.emit(.save(2 * index + 1)))
            tasks.append(.node(body))
        case .concatenation(let elements):
            tasks.append(contentsOf: elements.reversed().map(Task.node))
        case .alternation(let alternatives):
            tasks.append(.patchPending(mark: pending.count, splits: false, greedy: true))
            try startAlternative(alternatives, index: 0)
        case .repetition(let body, let min, let max, let greedy, let bodyMatchesEmpty):
            scheduleRepetition(body, min: min, max: max, greedy: greedy, bodyMatchesEmpty: bodyMatchesEmpty)
        }
    }

    /// Alternative `index`: a split to it and the next one (none for the last), then its code.
    private mutating func startAlternative(_ alternatives: [RegexNode], index: Int) throws(RegexSyntaxError) {
        guard index < alternatives.count else { return }
        if index < alternatives.count - 1 {
            tasks.append(.alternative(alternatives, index: index, split: try emitPlaceholder()))
        }
        tasks.append(.node(alternatives[index]))
    }

    /// x{n,}: n-1 copies then x+ (x* for n = 0); x{n,m}: n copies, then m-n nested optional ones.
    private mutating func scheduleRepetition(_ body: RegexNode, min: Int, max: Int?, greedy: Bool, bodyMatchesEmpty: Bool) {
        if max == 0 { return }
        if let max {
            tasks.append(.patchPending(mark: pending.count, splits: true, greedy: greedy))
            tasks.append(.optionalCopies(body, remaining: max - min, greedy: greedy))
            tasks.append(contentsOf: Array(repeating: Task.node(body), count: min))
        } else if min == 0 {
            tasks.append(.star(body, greedy: greedy, bodyMatchesEmpty: bodyMatchesEmpty))
        } else {
            tasks.append(.plus(body, greedy: greedy))
            tasks.append(contentsOf: Array(repeating: Task.node(body), count: min - 1))
        }
    }
}
