/// A set of Unicode scalar values, as a class item describes it before negation and case folding.
enum ScalarSet: Sendable, Equatable {
    /// Sorted, disjoint, non-adjacent ranges of scalar values.
    case ranges([ClosedRange<UInt32>])
    /// Scalars of these general categories (a value that is not a scalar, a surrogate, is in `.surrogate`).
    case categories([Unicode.GeneralCategory])

    /// The set of the given ranges, in any order, overlapping or not.
    static func normalized(_ ranges: [ClosedRange<UInt32>]) -> ScalarSet {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return .ranges(merged)
    }

    func contains(_ value: UInt32) -> Bool {
        switch self {
        case .ranges(let ranges):
            var low = 0
            var high = ranges.count
            while low < high {
                let middle = (low + high) / 2
                if value > ranges[middle].upperBound {
                    low = middle + 1
                } else if value < ranges[middle].lowerBound {
                    high = middle
                } else {
                    return true
                }
            }
            return false
        case .categories(let categories):
            guard let scalar = Unicode.Scalar(value) else { return categories.contains(.surrogate) }
            return categories.contains(scalar.properties.generalCategory)
        }
    }
}

/// One element of a class: a set, possibly negated (`\D`, `[:^alpha:]`, `\P{Greek}`, `\p{^Greek}`).
struct ScalarClassItem: Sendable, Equatable {
    let set: ScalarSet
    let negated: Bool
}

/// A character class: the union of its items, possibly negated as a whole (`[^...]`), under `(?i)` possibly
/// case-folded. Folding applies to each item before its own negation and before the class's, as in RE2:
/// `(?i)\P{Lu}` excludes `a` because `A` is in `Lu`.
struct ScalarClass: Sendable {
    let items: [ScalarClassItem]
    let negated: Bool
    let foldCase: Bool
    /// Membership of the 128 ASCII scalars, precomputed: bit `v` of `asciiLow` for v < 64, of `asciiHigh` above.
    private let asciiLow: UInt64
    private let asciiHigh: UInt64

    init(items: [ScalarClassItem], negated: Bool, foldCase: Bool) {
        self.items = items
        self.negated = negated
        self.foldCase = foldCase
        var low: UInt64 = 0
        var high: UInt64 = 0
        for item in items {
            var (itemLow, itemHigh) = Self.asciiMembers(of: item, foldCase: foldCase)
            if item.negated { (itemLow, itemHigh) = (~itemLow, ~itemHigh) }
            low |= itemLow
            high |= itemHigh
        }
        if negated { (low, high) = (~low, ~high) }
        asciiLow = low
        asciiHigh = high
    }

    func contains(_ value: UInt32) -> Bool {
        if value < 64 { return asciiLow & (1 << UInt64(value)) != 0 }
        if value < 128 { return asciiHigh & (1 << UInt64(value - 64)) != 0 }
        return Self.evaluate(value, items: items, negated: negated, foldCase: foldCase)
    }

    /// The ASCII scalars in an item's set (before the item's negation), folded if asked, as two 64-bit masks.
    private static func asciiMembers(of item: ScalarClassItem, foldCase: Bool) -> (UInt64, UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        func add(_ value: UInt32) {
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
        if case .ranges(let ranges) = item.set, !foldCase {
            for range in ranges where range.lowerBound < 128 {
                for value in range.lowerBound...min(range.upperBound, 127) { add(value) }
            }
        } else {
            for value in UInt32(0)..<128
            where foldCase ? CaseFolding.orbit(of: value).contains(where: item.set.contains) : item.set.contains(value) {
                add(value)
            }
        }
        return (low, high)
    }

    private static func evaluate(_ value: UInt32, items: [ScalarClassItem], negated: Bool, foldCase: Bool) -> Bool {
        let inItems: Bool
        if foldCase {
            let orbit = CaseFolding.orbit(of: value)
            inItems = items.contains { item in item.negated != orbit.contains(where: item.set.contains) }
        } else {
            inItems = items.contains { item in item.negated != item.set.contains(value) }
        }
        return negated != inItems
    }
}
