import RampartModel
import Testing
import TestSupport

/// The keyed sort behind the report orders: keys decide, the comparison breaks ties, equal elements
/// keep their order; string ranks order as the strings do.
@Suite struct SortedByKeyTests {
    @Test func keysDecideAndTheComparisonBreaksTies() {
        let words = ["pear", "fig", "apple", "kiwi", "date", "plum", "lime"]
        let byLength = words.sorted(byKey: { $0.count }, thenBy: <)
        #expect(byLength == ["fig", "date", "kiwi", "lime", "pear", "plum", "apple"])
    }

    @Test func equalElementsKeepTheirOrder() {
        let tagged = [(3, "a"), (1, "b"), (3, "c"), (1, "d"), (2, "e")]
        let sorted = tagged.sorted(byKey: { $0.0 }, thenBy: { _, _ in false })
        #expect(sorted.map(\.1) == ["b", "d", "e", "a", "c"])
    }

    @Test func largeArraysSortedOnTwoCoresGiveTheOneCoreOrder() {
        // Past the size sorted in halves: few keys (many ties), ties broken by text only for even
        // keys, the rest left in arrival order — the merge must keep that order across the halves.
        var generator = SplitMix64(seed: 5)
        let items = (0..<20_000).map { position in (key: Int(generator.next() % 37), text: "t\(generator.next() % 100)", position: position) }
        let expected = items.sorted { lhs, rhs in
            if lhs.key != rhs.key { return lhs.key < rhs.key }
            if lhs.key.isMultiple(of: 2), lhs.text != rhs.text { return lhs.text < rhs.text }
            return lhs.position < rhs.position
        }
        let sorted = items.sorted(byKey: { $0.key }, thenBy: { $0.key.isMultiple(of: 2) && $0.text < $1.text })
        #expect(sorted.map(\.position) == expected.map(\.position))
    }

    @Test func stringRanksOrderAsTheStringsDo() {
        let strings = ["team-b", "team-a", "", "team-b", "Team-c", "team-a0"]
        let ranks = StringRanks(strings)
        for lhs in strings {
            for rhs in strings {
                #expect((ranks[lhs] < ranks[rhs]) == (lhs < rhs))
                #expect((ranks[lhs] == ranks[rhs]) == (lhs == rhs))
            }
        }
    }

    @Test func stringRanksOfManyChunksOrderAsTheStringsDo() {
        // Past one chunk of the parallel pass: distinct strings spread over every chunk.
        var generator = SplitMix64(seed: 9)
        let strings = (0..<30_000).map { _ in "rule-\(generator.next() % 300)" }
        let ranks = StringRanks(strings)
        let distinct = Set(strings).sorted()
        #expect(distinct.count == 300)
        #expect(distinct.map { ranks[$0] } == Array(0..<300))
    }
}
