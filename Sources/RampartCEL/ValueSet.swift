/// A set of CEL values under CEL equality (`1`, `1u` and `1.0` are one element), with hashed lookup for
/// scalars so that `distinct()` and the `sets` functions stay near linear. Aggregates are compared one by
/// one; past a bounded number of such comparisons the operation is refused as too costly.
struct ValueSet {
    private var keys: Set<MapKey> = []
    private var fractions: Set<UInt64> = []
    private var others: [CELValue] = []
    private var comparisons = 0

    /// The comparisons of aggregates one evaluation may spend (the per-call cost limit).
    static let comparisonLimit = CELCost.perCallLimit

    init(_ values: [CELValue] = []) {
        for value in values { insertUnchecked(value) }
    }

    /// Inserts a value; true when it was not there yet.
    mutating func insert(_ value: CELValue) throws(CELEvaluationError) -> Bool {
        if try contains(value) { return false }
        insertUnchecked(value)
        return true
    }

    private mutating func insertUnchecked(_ value: CELValue) {
        if let key = MapKey(lookup: value) {
            keys.insert(key)
        } else if case .double(let d) = value {
            if !d.isNaN { fractions.insert(d.bitPattern) }
        } else {
            others.append(value)
        }
    }

    mutating func contains(_ value: CELValue) throws(CELEvaluationError) -> Bool {
        if let key = MapKey(lookup: value) { return keys.contains(key) }
        if case .double(let d) = value { return fractions.contains(d.bitPattern) }
        comparisons += others.count
        if comparisons > Self.comparisonLimit { throw .costLimitExceeded }
        return others.contains { Operations.equals($0, value) }
    }
}
