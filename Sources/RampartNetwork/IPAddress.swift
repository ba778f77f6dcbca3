/// An IPv4 or IPv6 address as a 128-bit number (`high`, `low`), ordered within its family.
public struct IPAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The address family.
    public enum Family: Int, Sendable, Hashable, Comparable, CaseIterable {
        case v4 = 4, v6 = 6

        public static func < (lhs: Family, rhs: Family) -> Bool { lhs.rawValue < rhs.rawValue }

        /// Number of bits of an address.
        public var bits: Int { self == .v4 ? 32 : 128 }
    }

    public let family: Family
    public let high: UInt64
    public let low: UInt64

    public init(family: Family, high: UInt64 = 0, low: UInt64) {
        self.family = family
        self.high = family == .v4 ? 0 : high
        self.low = family == .v4 ? low & 0xFFFF_FFFF : low
    }

    /// The lowest address of a family.
    public static func first(_ family: Family) -> IPAddress { IPAddress(family: family, low: 0) }

    /// The highest address of a family.
    public static func last(_ family: Family) -> IPAddress {
        family == .v4 ? IPAddress(family: .v4, low: 0xFFFF_FFFF) : IPAddress(family: .v6, high: .max, low: .max)
    }

    /// Parses `10.0.0.1` or `fd00::1` (an IPv4-mapped tail such as `::ffff:1.2.3.4` included).
    public init?(_ text: String) {
        if text.contains(":") {
            guard let (high, low) = Self.parseV6(text) else { return nil }
            self.init(family: .v6, high: high, low: low)
        } else {
            guard let value = Self.parseV4(text) else { return nil }
            self.init(family: .v4, low: UInt64(value))
        }
    }

    /// The next address, or nil at the top of the family.
    public var successor: IPAddress? {
        if self == Self.last(family) { return nil }
        let (low, carry) = low.addingReportingOverflow(1)
        return IPAddress(family: family, high: carry ? high + 1 : high, low: low)
    }

    /// The previous address, or nil at the bottom of the family.
    public var predecessor: IPAddress? {
        if self == Self.first(family) { return nil }
        let (low, borrow) = low.subtractingReportingOverflow(1)
        return IPAddress(family: family, high: borrow ? high - 1 : high, low: low)
    }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        (lhs.family, lhs.high, lhs.low) < (rhs.family, rhs.high, rhs.low)
    }

    public var description: String {
        switch family {
        case .v4:
            return (0..<4).map { String((low >> (24 - 8 * $0)) & 0xFF) }.joined(separator: ".")
        case .v6:
            let groups = (0..<8).map { index -> UInt64 in
                let word = index < 4 ? high : low
                return (word >> (48 - 16 * (index % 4))) & 0xFFFF
            }
            return Self.compress(groups)
        }
    }

    private static func parseV4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII), let byte = UInt8(part) else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    private static func parseV6(_ text: String) -> (UInt64, UInt64)? {
        var text = Substring(text)
        var tail: [UInt64] = []
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard let v4 = parseV4(String(text[text.index(after: lastColon)...])) else { return nil }
            tail = [UInt64(v4 >> 16), UInt64(v4 & 0xFFFF)]
            text = text[...lastColon]
            if text.hasSuffix(":") && !text.hasSuffix("::") { text = text.dropLast() }
        }
        var halves = [String(text)]
        if let gap = text.firstRange(of: "::") {
            halves = [String(text[..<gap.lowerBound]), String(text[gap.upperBound...])]
            guard !halves[1].contains("::") else { return nil }
        }
        func groups(_ part: String) -> [UInt64]? {
            if part.isEmpty { return [] }
            var result: [UInt64] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), let value = UInt64(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all: [UInt64]
        if halves.count == 2 {
            guard let rest = groups(halves[1]) else { return nil }
            let missing = 8 - head.count - rest.count - tail.count
            guard missing >= 1 else { return nil }
            all = head + Array(repeating: 0, count: missing) + rest + tail
        } else {
            all = head + tail
        }
        guard all.count == 8 else { return nil }
        let high = all[0..<4].reduce(UInt64(0)) { $0 << 16 | $1 }
        let low = all[4..<8].reduce(UInt64(0)) { $0 << 16 | $1 }
        return (high, low)
    }

    /// RFC 5952 text: the longest run (two or more) of zero groups becomes `::`.
    private static func compress(_ groups: [UInt64]) -> String {
        var best = (start: -1, length: 0)
        var index = 0
        while index < groups.count {
            guard groups[index] == 0 else { index += 1; continue }
            var end = index
            while end < groups.count && groups[end] == 0 { end += 1 }
            if end - index > best.length { best = (index, end - index) }
            index = end
        }
        let text = groups.map { String($0, radix: 16) }
        guard best.length >= 2 else { return text.joined(separator: ":") }
        let head = text[..<best.start].joined(separator: ":")
        let tail = text[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }
}
