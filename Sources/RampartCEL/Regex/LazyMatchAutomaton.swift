import Synchronization

/// The `ASCIIMatchDFA` of a pattern, built when the pattern has served a few searches: a pattern used once (a
/// CEL pattern computed during evaluation) does not pay for building it (10 to 100 µs), a pattern compiled once
/// and matched on every object does, once. Shared by the copies of an `RE2Regex`.
final class LazyMatchAutomaton: Sendable {
    /// The search that builds the automaton.
    static let usesBeforeBuilding = 3

    private let program: RegexProgram
    private let state = Mutex<(uses: Int, automaton: ASCIIMatchDFA?)>((0, nil))

    init(_ program: RegexProgram) {
        self.program = program
    }

    /// The automaton, if it is built (or this is the use that builds it) and the pattern has one.
    func automaton() -> ASCIIMatchDFA? {
        let (uses, automaton) = state.withLock { state in
            state.uses = min(state.uses + 1, Self.usesBeforeBuilding + 1)
            return (state.uses, state.automaton)
        }
        guard automaton == nil, uses == Self.usesBeforeBuilding else { return automaton }
        let built = ASCIIMatchDFA(program)
        state.withLock { $0.automaton = built }
        return built
    }
}
