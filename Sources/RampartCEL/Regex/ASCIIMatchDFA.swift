/// A deterministic automaton over a compiled program that answers `matches` (is there a match anywhere?) for
/// ASCII texts with one table lookup per byte; other texts, and patterns whose automaton would be large, go to
/// the Pike VM. Both answer the same: a match exists as soon as any NFA thread reaches `match`, whatever the
/// priorities, so the automaton's states are just the sets of live NFA threads (and what the assertions need
/// to know of the scalar before). A class, so that a use takes one reference and never copies the tables.
final class ASCIIMatchDFA: Sendable {
    /// No automaton for programs larger than this (building one costs a pass per byte class over the program).
    static let maximumInstructions = 2_000
    /// No automaton beyond this many states.
    static let maximumStates = 500
    /// No automaton whose construction would explore more instructions than this.
    static let maximumWork = 200_000

    /// The state reached from `state` on a byte of class `c` is `transitions[state * classCount + c]`, or one of
    /// the two verdicts.
    private let transitions: [Int32]
    private let classOf: [UInt8]
    private let classCount: Int
    /// Whether a state matches at the end of the text.
    private let acceptsAtEnd: [Bool]
    private static let accept: Int32 = -1
    private static let reject: Int32 = -2

    /// Whether `text` has a match, or nil when it is not ASCII.
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        var state = 0
        for byte in text {
            guard byte < 0x80 else { return nil }
            let next = transitions[state * classCount + Int(classOf[Int(byte)])]
            if next == Self.accept { return true }
            if next == Self.reject { return false }
            state = Int(next)
        }
        return acceptsAtEnd[state]
    }

    /// The automaton of `program`, or nil if it would exceed the limits.
    init?(_ program: RegexProgram) {
        guard program.instructions.count <= Self.maximumInstructions else { return nil }
        let (classOf, representatives) = Self.byteClasses(program)
        var builder = Builder(program: program, representatives: representatives)
        guard builder.build() else { return nil }
        self.classOf = classOf
        classCount = representatives.count
        transitions = builder.transitions
        acceptsAtEnd = builder.acceptsAtEnd
    }

    /// Groups the 128 ASCII bytes by what every instruction and assertion sees of them; one byte stands for
    /// each group.
    private static func byteClasses(_ program: RegexProgram) -> (classOf: [UInt8], representatives: [UInt32]) {
        let consuming = program.instructions.filter {
            switch $0 {
            case .scalar, .foldedScalar, .scalarClass, .anyScalarExceptNewline: true
            default: false
            }
        }
        var signatures: [[Bool]: UInt8] = [:]
        var classOf = [UInt8](repeating: 0, count: 128)
        var representatives: [UInt32] = []
        for byte in UInt32(0)..<128 {
            let signature = [byte == 0x0A, AssertionContext.isWord(Int(byte))]
                + consuming.map { PikeVM.accepts($0, byte, program: program) }
            if let existing = signatures[signature] {
                classOf[Int(byte)] = existing
            } else {
                let id = UInt8(truncatingIfNeeded: representatives.count)
                signatures[signature] = id
                classOf[Int(byte)] = id
                representatives.append(byte)
            }
        }
        return (classOf, representatives)
    }

    /// Subset construction over the program's threads.
    private struct Builder {
        /// What is known of the scalar before a position: the assertions need nothing more.
        enum Before: Hashable { case textStart, newline, word, other }
        struct State: Hashable {
            let pending: [Int]
            let before: Before
        }

        let program: RegexProgram
        let representatives: [UInt32]
        var transitions: [Int32] = []
        var acceptsAtEnd: [Bool] = []
        private var states: [State] = []
        private var index: [State: Int] = [:]
        private var work = 0
        /// Scratch of `closure`: the instructions seen, cleared after each use.
        private var visited: [Bool]

        init(program: RegexProgram, representatives: [UInt32]) {
            self.program = program
            self.representatives = representatives
            visited = Array(repeating: false, count: program.instructions.count)
        }

        mutating func build() -> Bool {
            _ = intern(State(pending: [], before: .textStart))
            var next = 0
            while next < states.count {
                let state = states[next]
                next += 1
                for representative in representatives {
                    guard let target = transition(state, on: representative) else { return false }
                    transitions.append(target)
                }
                guard let reached = closure(state, after: -1) else { return false }
                acceptsAtEnd.append(reached.matched)
            }
            return true
        }

        private mutating func intern(_ state: State) -> Int? {
            if let existing = index[state] { return existing }
            guard states.count < ASCIIMatchDFA.maximumStates else { return nil }
            index[state] = states.count
            states.append(state)
            return states.count - 1
        }

        private mutating func transition(_ state: State, on byte: UInt32) -> Int32? {
            guard let reached = closure(state, after: Int(byte)) else { return nil }
            if reached.matched { return ASCIIMatchDFA.accept }
            let pending = reached.waiting
                .filter { PikeVM.accepts(program.instructions[$0], byte, program: program) }
                .map { $0 + 1 }
            if pending.isEmpty && program.anchoredAtStart { return ASCIIMatchDFA.reject }
            let before: Before = byte == 0x0A ? .newline : AssertionContext.isWord(Int(byte)) ? .word : .other
            return intern(State(pending: pending.sorted(), before: before)).map { Int32($0) }
        }

        /// The instructions waiting on a scalar that `state`'s threads (and a new thread at the start, where
        /// one may begin) reach at a position followed by `after` (-1: the end), and whether one reaches a match.
        private mutating func closure(_ state: State, after: Int) -> (waiting: [Int], matched: Bool)? {
            let beforeScalar: Int
            switch state.before {
            case .textStart: beforeScalar = -1
            case .newline: beforeScalar = 0x0A
            case .word: beforeScalar = 0x61
            case .other: beforeScalar = 0x20
            }
            let context = AssertionContext(before: beforeScalar, after: after)
            var stack = state.pending
            if !program.anchoredAtStart || state.before == .textStart { stack.append(0) }
            var seen: [Int] = []
            defer { for pc in seen { visited[pc] = false } }
            var waiting: [Int] = []
            while let pc = stack.popLast() {
                guard !visited[pc] else { continue }
                visited[pc] = true
                seen.append(pc)
                work += 1
                if work > ASCIIMatchDFA.maximumWork { return nil }
                switch program.instructions[pc] {
                case .match: return ([], true)
                case .jump(let target): stack.append(target)
                case .split(let first, let second): stack.append(contentsOf: [first, second])
                case .save: stack.append(pc + 1)
                case .assertion(let assertion): if context.holds(assertion) { stack.append(pc + 1) }
                case .scalar, .foldedScalar, .anyScalar, .anyScalarExceptNewline, .scalarClass: waiting.append(pc)
                }
            }
            return (waiting, false)
        }
    }
}
