import RampartModel
import Testing

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
}
