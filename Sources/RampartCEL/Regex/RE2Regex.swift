/// A regular expression with RE2 syntax and semantics (Go's `regexp` package, which CEL's `matches` and the
/// Kubernetes regex library's `find` and `findAll` use), compiled once and matched many times.
///
/// Matching runs a Pike VM: time is O(pattern size × text length) and memory O(pattern size), for every pattern
/// and text, so a hostile pattern such as `(a+)+$` cannot take exponential time. Matches are leftmost-first, as
/// in Go: the leftmost match, and among those the one a backtracking engine would find first.
/// Positions are Unicode scalars; `.` matches one scalar. A pattern that serves `matches` repeatedly gets a
/// deterministic automaton for ASCII texts (one table lookup per byte), built on its third use.
///
/// `allMatches` searches again after each match, as Go's `FindAll` does, so a pattern whose threads outlive its
/// matches (`a.*b|a` on `aaaa…`) makes it O(pattern × text²): callers bound the text or charge for it.
package struct RE2Regex: Sendable {
    /// The pattern as written.
    package let pattern: String
    /// The name of each capturing group by number (1-based; index 0, the whole match, has none).
    package let captureNames: [String?]
    let program: RegexProgram
    /// The automaton that answers `matches` on ASCII texts, once the pattern is used repeatedly.
    private let matchAutomaton: LazyMatchAutomaton

    /// Compiles `pattern`; throws Go's error for an invalid one.
    package init(_ pattern: String) throws(RegexSyntaxError) {
        let (root, captureNames) = try RegexParser.parse(pattern)
        self.pattern = pattern
        self.captureNames = captureNames
        program = try RegexCompiler.compile(root, captureCount: captureNames.count - 1, source: pattern)
        matchAutomaton = LazyMatchAutomaton(program)
        RegexNode.release(consume root)
    }

    /// The number of capturing groups.
    package var captureCount: Int { captureNames.count - 1 }

    /// The size of the compiled program, the pattern factor of a match's cost.
    package var instructionCount: Int { program.instructions.count }

    /// Whether the pattern matches anywhere in `text` (CEL's `text.matches(pattern)`, Go's `MatchString`).
    package func matches(_ text: String) -> Bool {
        Self.withUTF8(text) { bytes in
            if let answer = matchAutomaton.automaton()?.matches(bytes) { return answer }
            var vm = PikeVM(program, slotCount: 0)
            return vm.search(bytes, from: 0) != nil
        }
    }

    /// The leftmost-first match in `text` (CEL's `find`, Go's `FindString`), nil if there is none.
    package func firstMatch(in text: String) -> Substring? {
        guard let slots = firstMatchSlots(in: text, slotCount: 2) else { return nil }
        return Self.substring(text, slots[0], slots[1])
    }

    /// The leftmost-first match and its groups: element 0 is the whole match, element k group k, nil for a
    /// group that did not take part (Go's `FindStringSubmatch`); nil if there is no match.
    package func firstMatchGroups(in text: String) -> [Substring?]? {
        guard let slots = firstMatchSlots(in: text, slotCount: program.slotCount) else { return nil }
        return stride(from: 0, to: slots.count, by: 2).map { Self.substring(text, slots[$0], slots[$0 + 1]) }
    }

    /// The successive non-overlapping matches in `text`, at most `limit` of them (all if `limit` is negative):
    /// CEL's `findAll`, Go's `FindAllString`. An empty match right after the previous match is skipped, and after
    /// an empty match the search resumes one scalar further.
    package func allMatches(in text: String, limit: Int = -1) -> [Substring] {
        var vm = PikeVM(program, slotCount: 2)
        let bounds: [(Int, Int)] = Self.withUTF8(text) { bytes in
            var bounds: [(Int, Int)] = []
            if automatonRulesOutAMatch(bytes) { return bounds }
            var position = 0
            var previousEnd = -1
            while limit < 0 || bounds.count < limit, position <= bytes.count {
                guard let slots = vm.search(bytes, from: position) else { break }
                let (start, end) = (slots[0], slots[1])
                var accept = true
                if end == position {
                    accept = start != previousEnd
                    let width = UTF8Text.scalar(at: position, in: bytes).1
                    position += max(width, 1)
                } else {
                    position = end
                }
                previousEnd = end
                if accept { bounds.append((start, end)) }
            }
            return bounds
        }
        return bounds.compactMap { Self.substring(text, $0.0, $0.1) }
    }

    private func firstMatchSlots(in text: String, slotCount: Int) -> [Int]? {
        Self.withUTF8(text) { bytes in
            if automatonRulesOutAMatch(bytes) { return nil }
            var vm = PikeVM(program, slotCount: slotCount)
            return vm.search(bytes, from: 0)
        }
    }

    /// Whether the ASCII automaton, if the pattern has one by now, says there is no match (a quick answer for
    /// `find` and `findAll` too).
    private func automatonRulesOutAMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        matchAutomaton.automaton()?.matches(bytes) == false
    }

    private static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }

    /// The text between two byte offsets, which the VM only places on scalar boundaries; nil for -1.
    private static func substring(_ text: String, _ start: Int, _ end: Int) -> Substring? {
        guard start >= 0, end >= start else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        let upper = utf8.index(lower, offsetBy: end - start)
        return Substring(text.unicodeScalars[lower..<upper])
    }
}
