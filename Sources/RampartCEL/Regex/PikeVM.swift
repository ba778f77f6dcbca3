/// Runs a `RegexProgram` over UTF-8 text as a Pike VM: all threads advance together, one scalar at a time,
/// at most one thread per instruction, so time is O(instructions × scalars) and memory O(instructions × slots),
/// whatever the pattern. Threads are kept in priority order, which gives Go's leftmost-first matches.
struct PikeVM: ~Copyable {
    private let program: RegexProgram
    /// How many capture slots the caller wants: 0 (is there a match?), 2 (where?) or all.
    private let slotCount: Int
    private var current: ThreadQueue
    private var next: ThreadQueue
    private var closure: EpsilonClosure
    private var matchSlots: [Int]
    /// Threads stepped so far, by all searches of this VM: at most the program size per scalar and position,
    /// the measure of the linear bound.
    private(set) var steppedThreads = 0

    /// A VM for `program` reporting `slotCount` slots (at most the program's).
    init(_ program: RegexProgram, slotCount: Int) {
        self.program = program
        self.slotCount = min(slotCount, program.slotCount)
        current = ThreadQueue(capacity: program.instructions.count, slotCount: self.slotCount)
        next = ThreadQueue(capacity: program.instructions.count, slotCount: self.slotCount)
        closure = EpsilonClosure(instructionCount: program.instructions.count, slotCount: self.slotCount)
        matchSlots = Array(repeating: -1, count: self.slotCount)
    }

    /// The leftmost-first match in `text` starting at byte offset `start` or later (the text before `start` is
    /// context for `^` and `\b`): its slots as byte offsets (-1 for a group that did not take part), or nil.
    /// With a slot count of 0 the result is an empty array as soon as any match is certain.
    mutating func search(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> [Int]? {
        let program = program
        return program.instructions.withUnsafeBufferPointer { instructions in
            program.classes.withUnsafeBufferPointer { classes in
                search(text, from: start, instructions: instructions, classes: classes)
            }
        }
    }

    private mutating func search(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, instructions: UnsafeBufferPointer<RegexInstruction>,
        classes: UnsafeBufferPointer<ScalarClass>
    ) -> [Int]? {
        current.removeAll()
        var matched = false
        var position = start
        var previous = UTF8Text.scalar(before: start, in: text)
        var (scalar, width) = UTF8Text.scalar(at: position, in: text)
        while true {
            if current.isEmpty && (matched || (program.anchoredAtStart && position > 0)) { break }
            if !matched && (position == 0 || !program.anchoredAtStart) {
                closure.resetSlots()
                let context = AssertionContext(before: previous, after: scalar)
                closure.add(into: &current, pc: 0, position: position, context: context, instructions: instructions)
            }
            let (following, followingWidth) = UTF8Text.scalar(at: position + width, in: text)
            let context = AssertionContext(before: scalar, after: following)
            next.removeAll()
            steppedThreads += current.count
            for index in 0..<current.count {
                let pc = current.pc(at: index)
                let instruction = instructions[pc]
                if case .match = instruction {
                    if slotCount == 0 { return [] }
                    current.copySlots(at: index, into: &matchSlots)
                    matched = true
                    break  // leftmost-first: lower-priority threads are cut off
                }
                guard width > 0, Self.accepts(instruction, UInt32(truncatingIfNeeded: scalar), classes: classes, orbits: program.orbits)
                else { continue }
                closure.loadSlots(from: current, at: index)
                closure.add(into: &next, pc: pc + 1, position: position + width, context: context, instructions: instructions)
            }
            if width == 0 { break }
            swap(&current, &next)
            previous = scalar
            position += width
            (scalar, width) = (following, followingWidth)
        }
        return matched ? matchSlots : nil
    }

    /// Whether `instruction` consumes `scalar`.
    static func accepts(_ instruction: RegexInstruction, _ scalar: UInt32, program: RegexProgram) -> Bool {
        program.classes.withUnsafeBufferPointer { accepts(instruction, scalar, classes: $0, orbits: program.orbits) }
    }

    private static func accepts(
        _ instruction: RegexInstruction, _ scalar: UInt32, classes: UnsafeBufferPointer<ScalarClass>, orbits: [[UInt32]]
    ) -> Bool {
        switch instruction {
        case .scalar(let value): return scalar == value
        case .foldedScalar(let orbit): return orbits[orbit].contains(scalar)
        case .anyScalar: return true
        case .anyScalarExceptNewline: return scalar != 0x0A
        case .scalarClass(let index): return classes[index].contains(scalar)
        case .split, .jump, .save, .assertion, .match: return false
        }
    }
}

/// Adds a thread to a queue with everything it reaches without consuming input: jumps, splits (in priority
/// order), saves and assertions, depth first with an explicit stack instead of recursion.
struct EpsilonClosure: ~Copyable {
    private let slotCount: Int
    /// Pending steps. Every step but the first comes from an instruction added to the queue, which pushes at
    /// most two, so the stack never holds more than twice the program's size plus one.
    private let stack: UnsafeMutableBufferPointer<ClosureStep>
    private var depth = 0
    /// The slots of the thread being followed.
    private let scratch: UnsafeMutableBufferPointer<Int>

    init(instructionCount: Int, slotCount: Int) {
        self.slotCount = slotCount
        stack = .allocate(capacity: 2 * instructionCount + 2)
        scratch = .allocate(capacity: slotCount)
        scratch.initialize(repeating: -1)
    }

    deinit {
        stack.deallocate()
        scratch.deallocate()
    }

    func resetSlots() {
        for slot in 0..<slotCount { scratch[slot] = -1 }
    }

    func loadSlots(from queue: borrowing ThreadQueue, at index: Int) {
        queue.copySlots(at: index, into: scratch)
    }

    /// Adds the thread at `pc`, with the slots in `scratch`, at byte offset `position`.
    mutating func add(
        into queue: inout ThreadQueue, pc: Int, position: Int, context: AssertionContext,
        instructions: UnsafeBufferPointer<RegexInstruction>
    ) {
        push(.explore(pc))
        while depth > 0 {
            depth -= 1
            switch stack[depth] {
            case .restore(let slot, let value):
                scratch[slot] = value
            case .explore(let pc):
                guard let index = queue.insert(pc) else { continue }
                switch instructions[pc] {
                case .jump(let target):
                    push(.explore(target))
                case .split(let preferred, let other):
                    push(.explore(other))
                    push(.explore(preferred))
                case .save(let slot):
                    if slot < slotCount {
                        push(.restore(slot: slot, value: scratch[slot]))
                        scratch[slot] = position
                    }
                    push(.explore(pc + 1))
                case .assertion(let assertion):
                    if context.holds(assertion) { push(.explore(pc + 1)) }
                case .scalar, .foldedScalar, .anyScalar, .anyScalarExceptNewline, .scalarClass, .match:
                    queue.setSlots(at: index, from: scratch)
                }
            }
        }
    }

    private mutating func push(_ step: ClosureStep) {
        stack[depth] = step
        depth += 1
    }
}

/// Work left in an epsilon closure.
private enum ClosureStep {
    case explore(Int)
    case restore(slot: Int, value: Int)
}
