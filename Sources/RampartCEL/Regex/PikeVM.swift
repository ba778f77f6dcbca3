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

/// The threads of one step: a sparse set of instruction addresses in priority order, and the capture slots of
/// the threads that wait on a scalar or a match (the others pass through and keep none). Its storage is owned by
/// the VM and reused from step to step; the slots grow with the number of live threads, not the program.
struct ThreadQueue: ~Copyable {
    /// One allocation holding `sparse`, `dense` and `slotBase`.
    private let storage: UnsafeMutableBufferPointer<Int>
    /// For each address, where it sits in `dense` if it is there (any value otherwise).
    private let sparse: UnsafeMutableBufferPointer<Int>
    /// The addresses in priority order; the first `count` are valid.
    private let dense: UnsafeMutableBufferPointer<Int>
    /// For each entry of `dense` that has slots, where they start in `slots`.
    private let slotBase: UnsafeMutableBufferPointer<Int>
    private var slots: UnsafeMutableBufferPointer<Int>
    private var slotsUsed = 0
    private let slotCount: Int
    private(set) var count = 0

    init(capacity: Int, slotCount: Int) {
        storage = .allocate(capacity: 3 * capacity)
        storage.initialize(repeating: 0)
        sparse = UnsafeMutableBufferPointer(rebasing: storage[0..<capacity])
        dense = UnsafeMutableBufferPointer(rebasing: storage[capacity..<2 * capacity])
        slotBase = UnsafeMutableBufferPointer(rebasing: storage[(2 * capacity)...])
        slots = .allocate(capacity: 4 * slotCount)
        slots.initialize(repeating: -1)
        self.slotCount = slotCount
    }

    deinit {
        storage.deallocate()
        slots.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    func pc(at index: Int) -> Int { dense[index] }

    mutating func removeAll() {
        count = 0
        slotsUsed = 0
    }

    /// Adds `pc` and returns its index, or nil if it is already there.
    mutating func insert(_ pc: Int) -> Int? {
        let index = sparse[pc]
        if index < count && dense[index] == pc { return nil }
        sparse[pc] = count
        dense[count] = pc
        count += 1
        return count - 1
    }

    /// Gives the entry at `index` (just inserted) a copy of `source`.
    mutating func setSlots(at index: Int, from source: UnsafeMutableBufferPointer<Int>) {
        guard slotCount > 0 else { return }
        if slotsUsed + slotCount > slots.count {
            let larger = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * slots.count)
            larger.initialize(repeating: -1)
            for offset in 0..<slotsUsed { larger[offset] = slots[offset] }
            slots.deallocate()
            slots = larger
        }
        slotBase[index] = slotsUsed
        for slot in 0..<slotCount { slots[slotsUsed + slot] = source[slot] }
        slotsUsed += slotCount
    }

    func copySlots(at index: Int, into target: UnsafeMutableBufferPointer<Int>) {
        guard slotCount > 0 else { return }
        for slot in 0..<slotCount { target[slot] = slots[slotBase[index] + slot] }
    }

    func copySlots(at index: Int, into target: inout [Int]) {
        guard slotCount > 0 else { return }
        for slot in 0..<slotCount { target[slot] = slots[slotBase[index] + slot] }
    }
}

/// Decoding scalars from valid UTF-8 (the bytes of a Swift `String`) by byte offset.
enum UTF8Text {
    /// The scalar starting at `offset` and its length in bytes; (-1, 0) at the end.
    static func scalar(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        guard offset < text.count else { return (-1, 0) }
        let lead = Int(text[offset])
        if lead < 0x80 { return (lead, 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard offset + length <= text.count else { return (0xFFFD, 1) }
        var value = lead & (0x7F >> length)
        for index in 1..<length { value = value << 6 | Int(text[offset + index] & 0x3F) }
        return (value, length)
    }

    /// The scalar ending just before `offset`; -1 at the start.
    static func scalar(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard offset > 0 else { return -1 }
        var start = offset - 1
        while start > 0 && text[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: text).0
    }
}
