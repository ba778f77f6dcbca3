import Foundation
import TestSupport
import Testing
@testable import RampartCEL

/// Patterns that drive backtracking engines into exponential time, and a seeded fuzz of patterns and texts.
struct RE2HostilityTests {
    /// Classic catastrophic-backtracking patterns, each with a text it fails on at the very end.
    static let catastrophic: [(pattern: String, unit: String, tail: String)] = [
        ("(a+)+$", "a", "!"),
        ("(a|a)*b", "a", ""),
        ("(x+x+)+y", "x", ""),
        ("^(a|aa)+$", "a", "b"),
        ("(.*a){12}", "a", ""),
        ("(?i)(\\w+\\s?)+$", "K", "!"),
    ]

    /// The VM steps at most one thread per instruction per scalar: on 20,000 scalars the work is within the
    /// program size times the text length, and 10 times the work on 2,000 (linear), where a backtracking engine
    /// needs 2^20000 steps.
    @Test(arguments: catastrophic)
    func workIsLinearInTheText(pattern: String, unit: String, tail: String) throws {
        let regex = try RE2Regex(pattern)
        func work(_ count: Int) -> Int {
            var text = String(repeating: unit, count: count) + tail
            var vm = PikeVM(regex.program, slotCount: 2)
            _ = text.withUTF8 { vm.search($0, from: 0) }
            return vm.steppedThreads
        }
        let long = work(20_000)
        #expect(long <= regex.instructionCount * (20_000 + tail.count + 1))
        #expect(long <= 11 * work(2_000))
    }

    /// And in wall time: generous, for a debug build on a shared machine (about 0.2 s here).
    @Test(arguments: catastrophic)
    func twentyThousandScalarsTakeSecondsAtMost(pattern: String, unit: String, tail: String) throws {
        let regex = try RE2Regex(pattern)
        let text = String(repeating: unit, count: 20_000) + tail
        let start = ContinuousClock.now
        _ = regex.matches(text)
        _ = regex.allMatches(in: text)
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func catastrophicPatternsStillFindTheRightAnswer() throws {
        let many = String(repeating: "a", count: 10_000)
        #expect(try RE2Regex("(a+)+$").matches(many + "!") == false)
        #expect(try RE2Regex("^(a+)+$").matches(many + "!") == false)
        #expect(try RE2Regex("(a|a)*b").matches(many) == false)
        #expect(try RE2Regex("(a|a)*b").firstMatch(in: many + "b")?.count == 10_001)
        #expect(try RE2Regex("(x+x+)+y").matches(String(repeating: "x", count: 10_000)) == false)
    }

    /// Hostile patterns compile in time linear in their length too.
    @Test func longHostilePatternsCompileQuickly() {
        let patterns = [
            "[" + String(repeating: "[:", count: 20_000) + "]",
            String(repeating: "(?:", count: 20_000) + String(repeating: ")", count: 20_000),
            String(repeating: "a|", count: 20_000),
            String(repeating: "\\Q", count: 20_000),
            String(repeating: "(?P<n>", count: 5_000),
            String(repeating: "[a-z]", count: 20_000),
        ]
        for pattern in patterns {
            let start = ContinuousClock.now
            _ = try? RE2Regex(pattern)
            #expect(ContinuousClock.now - start < .seconds(5), "\(pattern.prefix(12))… took too long")
        }
    }

    /// Capture slots are kept for live threads only, so 5,000 groups do not give each of the 15,000 instructions
    /// 10,000 slots.
    @Test func manyGroupsStayCheap() throws {
        let regex = try RE2Regex(String(repeating: "(a)", count: 5_000) + "|(b)")
        let start = ContinuousClock.now
        let groups = regex.firstMatchGroups(in: String(repeating: "ab", count: 500))
        #expect(groups?.first == "b")
        #expect(groups?.last == "b")
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func seededFuzzNeverCrashesAndAnswersConsistently() {
        var random = SplitMix64(seed: 0x5EED_CE1)
        var compiled = 0
        var automatonAnswers = 0
        for _ in 0..<3_000 {
            let junk = Int.random(in: 0..<4, using: &random) == 0
            let pattern = junk ? Self.junkPattern(&random) : Self.grammarPattern(&random, depth: 0)
            guard let regex = try? RE2Regex(pattern) else { continue }
            compiled += 1
            let automaton = ASCIIMatchDFA(regex.program)
            for _ in 0..<4 {
                let length = Int.random(in: 0..<16, using: &random)
                let text = String((0..<length).map { _ in Self.pick(Self.alphabet, &random) })
                let first = regex.firstMatch(in: text)
                let all = regex.allMatches(in: text)
                #expect(regex.matches(text) == (first != nil), "\(pattern) on \(text.debugDescription)")
                #expect(all.first == first, "\(pattern) on \(text.debugDescription)")
                #expect(zip(all, all.dropFirst()).allSatisfy { $0.endIndex <= $1.startIndex })
                if let automaton {
                    var bytes = text
                    let answer = bytes.withUTF8 { automaton.matches($0) }
                    #expect(answer == nil || answer == (first != nil), "automaton of \(pattern) on \(text.debugDescription)")
                    if answer != nil { automatonAnswers += 1 }
                }
            }
        }
        #expect(compiled > 1_000)
        #expect(automatonAnswers > 1_000)
    }

    private static let alphabet: [Character] = ["a", "b", "c", "A", "\n", " ", "é", "\u{212A}", "ſ", "σ", "Σ", "😀", "0", "_", "-"]
    private static let atoms = [
        "a", "b", ".", "[a-c]", "[^ab]", "\\d", "\\w", "\\s", "\\b", "\\B", "^", "$", "\\pL", "\\p{Greek}", "[[:alpha:]]",
        "k", "σ", "😀", "\\x41", "(?i)", "(?m)", "(?s)", "(?U)", "\\A", "\\z", "\\PL", "[k-s]", "\\Q.*\\E", "é",
    ]
    private static let quantifiers = ["*", "+", "?", "*?", "+?", "??", "{2}", "{1,}", "{0,2}", "{2,3}?", "{0}"]
    private static let junk = Array("()[]{}*+?|\\^$.-:,<>=!PpQEx0123456789aAb_ikmsU").map(String.init)
        + ["\\p{", "(?", "(?P<", "[[:", ":]", "\\x{", "é"]

    private static func grammarPattern(_ random: inout SplitMix64, depth: Int) -> String {
        var pattern: String
        let choice = depth > 3 ? 0 : Int.random(in: 0..<4, using: &random)
        switch choice {
        case 0:
            pattern = pick(atoms, &random)
        case 1, 2:
            let parts = (0..<Int.random(in: 2...3, using: &random)).map { _ in grammarPattern(&random, depth: depth + 1) }
            pattern = parts.joined(separator: choice == 1 ? "" : "|")
        default:
            let opening = pick(["(", "(?:", "(?i:", "(?P<g>", "(?s:"], &random)
            pattern = opening + grammarPattern(&random, depth: depth + 1) + ")"
        }
        if Int.random(in: 0..<3, using: &random) == 0 { pattern += pick(quantifiers, &random) }
        return pattern
    }

    private static func junkPattern(_ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...10, using: &random)).map { _ in pick(junk, &random) }.joined()
    }

    private static func pick<Element>(_ elements: [Element], _ random: inout SplitMix64) -> Element {
        elements[Int.random(in: 0..<elements.count, using: &random)]
    }
}
