/// A closed range of addresses of one family.
public struct IPRange: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let first: IPAddress
    public let last: IPAddress

    public init(first: IPAddress, last: IPAddress) {
        self.first = first
        self.last = last
    }

    /// Every address of a family.
    public static func all(_ family: IPAddress.Family) -> IPRange {
        IPRange(first: .first(family), last: .last(family))
    }

    /// Parses a CIDR (`10.0.0.0/8`, `fd00::/8`); host bits are ignored as the CNIs do. Nil when invalid.
    public init?(cidr: String) {
        let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(String(parts[0])),
              parts[1].allSatisfy(\.isNumber), let prefix = Int(parts[1]),
              (0...address.family.bits).contains(prefix) else { return nil }
        let hostBits = address.family.bits - prefix
        let (highMask, lowMask) = Self.hostMask(bits: hostBits)
        first = IPAddress(family: address.family, high: address.high & ~highMask, low: address.low & ~lowMask)
        last = IPAddress(family: address.family, high: address.high | highMask, low: address.low | lowMask)
    }

    public var family: IPAddress.Family { first.family }

    public func contains(_ address: IPAddress) -> Bool { first <= address && address <= last }

    /// `FIRST-LAST`, the way the connection list names external ranges.
    public var description: String { "\(first)-\(last)" }

    public static func < (lhs: IPRange, rhs: IPRange) -> Bool { (lhs.first, lhs.last) < (rhs.first, rhs.last) }

    private static func hostMask(bits: Int) -> (UInt64, UInt64) {
        if bits >= 128 { return (.max, .max) }
        if bits >= 64 { return (bits == 64 ? 0 : (UInt64(1) << (bits - 64)) - 1, .max) }
        return (0, bits == 0 ? 0 : (UInt64(1) << bits) - 1)
    }
}

/// A set of addresses as sorted, disjoint, non-adjacent ranges (both families).
public struct IPRangeSet: Sendable, Hashable {
    public private(set) var ranges: [IPRange]

    public init(_ ranges: [IPRange] = []) {
        self.ranges = Self.normalised(ranges)
    }

    /// Every IPv4 and IPv6 address.
    public static let everything = IPRangeSet(IPAddress.Family.allCases.map(IPRange.all))

    public var isEmpty: Bool { ranges.isEmpty }

    public func contains(_ address: IPAddress) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if ranges[middle].last < address {
                low = middle + 1
            } else if address < ranges[middle].first {
                high = middle - 1
            } else {
                return true
            }
        }
        return false
    }

    public func union(_ other: IPRangeSet) -> IPRangeSet { IPRangeSet(ranges + other.ranges) }

    /// The addresses of this set that are not in `other`.
    public func subtracting(_ other: IPRangeSet) -> IPRangeSet {
        var result: [IPRange] = []
        for range in ranges {
            var pieces = [range]
            for cut in other.ranges where cut.family == range.family {
                pieces = pieces.flatMap { piece -> [IPRange] in
                    guard cut.first <= piece.last, piece.first <= cut.last else { return [piece] }
                    var kept: [IPRange] = []
                    if piece.first < cut.first, let end = cut.first.predecessor { kept.append(IPRange(first: piece.first, last: end)) }
                    if cut.last < piece.last, let start = cut.last.successor { kept.append(IPRange(first: start, last: piece.last)) }
                    return kept
                }
            }
            result += pieces
        }
        return IPRangeSet(result)
    }

    private static func normalised(_ ranges: [IPRange]) -> [IPRange] {
        var merged: [IPRange] = []
        for range in ranges.sorted() {
            if let previous = merged.last, previous.family == range.family,
               range.first <= previous.last || previous.last.successor == range.first {
                merged[merged.count - 1] = IPRange(first: previous.first, last: max(previous.last, range.last))
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
