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

    /// The elements ordered by `key` (computed once per element), `areInIncreasingOrder` deciding
    /// only between equal keys; equal ones keep their order. With a key of integers this compares no
    /// strings and copies no element during the sort, which for tens of thousands of findings or
    /// work items is what the sort costs.
    @inlinable
    public func sorted<Key: Comparable>(byKey key: (Element) -> Key,
                                        thenBy areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        let keys = map(key)
        return withUnsafeBufferPointer { elements in
            elements.indices.sorted { lhs, rhs in
                keys[lhs] == keys[rhs] ? areInIncreasingOrder(elements[lhs], elements[rhs]) : keys[lhs] < keys[rhs]
            }.map { elements[$0] }
        }
    }
}

/// Each distinct string's position among them in ascending order: an integer that orders as the
/// strings do, for sort keys.
public struct StringRanks: Sendable {
    private let ranks: [String: Int]

    public init(_ strings: some Sequence<String>) {
        ranks = Dictionary(uniqueKeysWithValues: Set(strings).sorted().enumerated().map { ($0.element, $0.offset) })
    }

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
