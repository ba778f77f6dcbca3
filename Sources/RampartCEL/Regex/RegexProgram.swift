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
