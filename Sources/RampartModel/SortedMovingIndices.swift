extension Array {
    /// The elements in the order `areInIncreasingOrder` gives, equal ones in their order (as
    /// `sorted(by:)`), found by sorting their indices: each element is copied once, not moved about
    /// by the sort, which for large values (findings, work items) is most of the cost.
    public func sortedMovingIndices(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        indices.sorted { areInIncreasingOrder(self[$0], self[$1]) }.map { self[$0] }
    }
}
