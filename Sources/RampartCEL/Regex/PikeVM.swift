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

    /// A VM for `program` reporting `slotCount` slots (at most the program's).
    init(_ program: RegexProgram, slotCount: Int) {
        self.program = program
        self.slotCount = min(slotCount, program.slotCount)
        current = ThreadQueue(capacity: program.instructions.count, slotCount: self.slotCount)
        next = ThreadQueue(capacity: program.instructions.count, slotCount: self.slotCount)
        closure = EpsilonClosure(program: program, slotCount: self.slotCount)
        matchSlots = Array(repeating: -1, count: self.slotCount)
    }

    /// The leftmost-first match in `text` starting at byte offset `start` or later (the text before `start` is
    /// context for `^` and `\b`): its slots as byte offsets (-1 for a group that did not take part), or nil.
    /// With a slot count of 0 the result is an empty array as soon as any match is certain.
    mutating func search(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> [Int]? {
        current.removeAll()
        var matched = false
        var position = start
        var previous = UTF8Text.scalar(before: start, in: text)
        var (scalar, width) = UTF8Text.scalar(at: position, in: text)
        while true {
            if current.isEmpty && (matched || (program.anchoredAtStart && position > 0)) { break }
            if !matched && (position == 0 || !program.anchoredAtStart) {
                closure.resetSlots()
                closure.add(into: &current, pc: 0, position: position, context: AssertionContext(before: previous, after: scalar))
            }
            let (following, followingWidth) = UTF8Text.scalar(at: position + width, in: text)
            let context = AssertionContext(before: scalar, after: following)
            next.removeAll()
            for index in 0..<current.count {
                let pc = current.pc(at: index)
                let instruction = program.instructions[pc]
                if case .match = instruction {
                    if slotCount == 0 { return [] }
                    current.copySlots(at: index, into: &matchSlots)
                    matched = true
                    break  // leftmost-first: lower-priority threads are cut off
                }
                guard width > 0, accepts(instruction, UInt32(truncatingIfNeeded: scalar)) else { continue }
                current.copySlots(at: index, into: &closure.scratch)
                closure.add(into: &next, pc: pc + 1, position: position + width, context: context)
            }
            if width == 0 { break }
            swap(&current, &next)
            previous = scalar
            position += width
            (scalar, width) = (following, followingWidth)
        }
        return matched ? matchSlots : nil
    }

    private func accepts(_ instruction: RegexInstruction, _ scalar: UInt32) -> Bool {
        switch instruction {
        case .scalar(let value): return scalar == value
        case .foldedScalar(let orbit): return program.orbits[orbit].contains(scalar)
        case .anyScalar: return true
        case .anyScalarExceptNewline: return scalar != 0x0A
        case .scalarClass(let index): return program.classes[index].contains(scalar)
        case .split, .jump, .save, .assertion, .match: return false
        }
    }
}

/// Adds a thread to a queue with everything it reaches without consuming input: jumps, splits (in priority
/// order), saves and assertions, depth first with an explicit stack instead of recursion.
struct EpsilonClosure {
    private let program: RegexProgram
    private let slotCount: Int
    private var stack: [ClosureStep] = []
    /// The slots of the thread being followed.
    var scratch: [Int]

    init(program: RegexProgram, slotCount: Int) {
        self.program = program
        self.slotCount = slotCount
        scratch = Array(repeating: -1, count: slotCount)
    }

    mutating func resetSlots() {
        for slot in 0..<slotCount { scratch[slot] = -1 }
    }

    /// Adds the thread at `pc`, with the slots in `scratch`, at byte offset `position`.
    mutating func add(into queue: inout ThreadQueue, pc: Int, position: Int, context: AssertionContext) {
        stack.append(.explore(pc))
        while let step = stack.popLast() {
            switch step {
            case .restore(let slot, let value):
                scratch[slot] = value
            case .explore(let pc):
                guard let index = queue.insert(pc) else { continue }
                switch program.instructions[pc] {
                case .jump(let target):
                    stack.append(.explore(target))
                case .split(let preferred, let other):
                    stack.append(.explore(other))
                    stack.append(.explore(preferred))
                case .save(let slot):
                    if slot < slotCount {
                        stack.append(.restore(slot: slot, value: scratch[slot]))
                        scratch[slot] = position
                    }
                    stack.append(.explore(pc + 1))
                case .assertion(let assertion):
                    if context.holds(assertion) { stack.append(.explore(pc + 1)) }
                case .scalar, .foldedScalar, .anyScalar, .anyScalarExceptNewline, .scalarClass, .match:
                    queue.setSlots(at: index, from: scratch)
                }
            }
        }
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
    private static func isWord(_ scalar: Int) -> Bool {
        (0x30...0x39).contains(scalar) || (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar)
            || scalar == 0x5F
    }
}

/// The threads of one step: a sparse set of instruction addresses in priority order, each with its slots.
struct ThreadQueue {
    private var sparse: [Int]
    private var dense: [Int]
    private var slots: [Int]
    private let slotCount: Int
    private(set) var count = 0

    init(capacity: Int, slotCount: Int) {
        sparse = Array(repeating: 0, count: capacity)
        dense = Array(repeating: 0, count: capacity)
        slots = Array(repeating: -1, count: capacity * slotCount)
        self.slotCount = slotCount
    }

    var isEmpty: Bool { count == 0 }

    func pc(at index: Int) -> Int { dense[index] }

    mutating func removeAll() { count = 0 }

    /// Adds `pc` and returns its index, or nil if it is already there.
    mutating func insert(_ pc: Int) -> Int? {
        let index = sparse[pc]
        if index < count && dense[index] == pc { return nil }
        sparse[pc] = count
        dense[count] = pc
        count += 1
        return count - 1
    }

    mutating func setSlots(at index: Int, from source: [Int]) {
        for slot in 0..<slotCount { slots[index * slotCount + slot] = source[slot] }
    }

    func copySlots(at index: Int, into target: inout [Int]) {
        for slot in 0..<slotCount { target[slot] = slots[index * slotCount + slot] }
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
