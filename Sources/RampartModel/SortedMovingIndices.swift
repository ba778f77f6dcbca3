extension Array {
    /// The elements in the order `areInIncreasingOrder` gives, equal ones in their order (as
    /// `sorted(by:)`), found by sorting their indices: each element is copied once, not moved about
    /// by the sort, which for large values (findings, work items) is most of the cost.
    ///
    /// Inlinable so that it is specialised for the element type: unspecialised, every comparison
    /// copied both elements out of the array (a retain and a release per reference they hold).
    @inlinable
    public func sortedMovingIndices(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        withUnsafeBufferPointer { elements in
            elements.indices.sorted { areInIncreasingOrder(elements[$0], elements[$1]) }.map { elements[$0] }
        }
    }
}

extension Array where Element: Sendable {
    /// The elements ordered by `key` (computed once per element), `areInIncreasingOrder` deciding
    /// only between equal keys; equal ones keep their order. With a key of integers this compares no
    /// strings and copies no element during the sort, which for tens of thousands of findings or
    /// work items is what the sort costs. Large arrays are sorted on two cores: the keys worked out,
    /// each half sorted and the elements gathered in parallel, the halves merged on one.
    @inlinable
    public func sorted<Key: Comparable & Sendable>(byKey key: @Sendable (Element) -> Key,
                                                   thenBy areInIncreasingOrder: @Sendable (Element, Element) -> Bool) -> [Element] {
        let keys = concurrentMap(chunk: Self.sortChunk, scratch: {}) { element, _ in key(element) }
        @Sendable func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
            keys[lhs] == keys[rhs] ? areInIncreasingOrder(self[lhs], self[rhs]) : keys[lhs] < keys[rhs]
        }
        let middle = count / 2
        let order: [Int]
        if count < Self.sortChunk {
            order = indices.sorted(by: precedes)
        } else {
            let (low, high) = Parallel.both({ (0..<middle).sorted(by: precedes) }, { (middle..<count).sorted(by: precedes) })
            order = Self.merged(low, high, by: precedes)
        }
        return order.concurrentMap(chunk: Self.sortChunk, scratch: {}) { index, _ in self[index] }
    }

    /// Elements per unit of the parallel steps of `sorted(byKey:thenBy:)`; shorter arrays are sorted on one core.
    @usableFromInline
    static var sortChunk: Int { 4096 }

    /// Two sorted runs as one; on a tie the element of `low` (earlier in the array) comes first.
    @usableFromInline
    static func merged(_ low: [Int], _ high: [Int], by precedes: (Int, Int) -> Bool) -> [Int] {
        var merged: [Int] = []
        merged.reserveCapacity(low.count + high.count)
        var (lowIndex, highIndex) = (0, 0)
        while lowIndex < low.count, highIndex < high.count {
            if precedes(high[highIndex], low[lowIndex]) {
                merged.append(high[highIndex])
                highIndex += 1
            } else {
                merged.append(low[lowIndex])
                lowIndex += 1
            }
        }
        merged += low[lowIndex...]
        merged += high[highIndex...]
        return merged
    }
}

/// Each distinct string's position among them in ascending order: an integer that orders as the
/// strings do, for sort keys.
public struct StringRanks: Sendable {
    private let ranks: [String: Int]

    public init(_ strings: [String]) {
        // The distinct strings of each chunk on every core (hundreds of thousands of findings' rule
        // IDs and files name a few hundred distinct strings), then the few joined.
        let starts = Array(stride(from: 0, to: strings.count, by: Self.chunk))
        let distinct = starts.concurrentMap(chunk: 1, scratch: {}) { start, _ in
            Set(strings[start..<Swift.min(start + Self.chunk, strings.count)])
        }.reduce(into: Set<String>()) { $0.formUnion($1) }
        ranks = Dictionary(uniqueKeysWithValues: distinct.sorted().enumerated().map { ($0.element, $0.offset) })
    }

    /// Strings per unit of parallel work.
    private static let chunk = 8192

    /// The rank of `string`, which must be among those given (0 otherwise).
    public subscript(_ string: String) -> Int { ranks[string] ?? 0 }
}

/// A sort key of five integers compared in order, for `sorted(byKey:thenBy:)`: a report's order
/// written as ranks and positions.
public struct IntegerSortKey: Comparable, Sendable {
    public let parts: (Int, Int, Int, Int, Int)

    public init(_ first: Int, _ second: Int, _ third: Int, _ fourth: Int, _ fifth: Int) {
        parts = (first, second, third, fourth, fifth)
    }

    public static func < (lhs: IntegerSortKey, rhs: IntegerSortKey) -> Bool { lhs.parts < rhs.parts }
    public static func == (lhs: IntegerSortKey, rhs: IntegerSortKey) -> Bool { lhs.parts == rhs.parts }
}
