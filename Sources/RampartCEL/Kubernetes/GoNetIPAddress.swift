/// An IP address as Go's `net/netip.Addr` holds it: 128 bits, the family, and an optional IPv6 zone.
/// An IPv4 address keeps its bits in IPv4-mapped form (`::ffff:a.b.c.d`) so that masks work alike for
/// both families; the family tells them apart.
struct GoNetIPAddress: Hashable, Sendable {
    enum Family: Hashable, Sendable {
        case ipv4
        case ipv6
    }

    var high: UInt64
    var low: UInt64
    var family: Family
    /// The IPv6 zone after `%`, empty when there is none (always empty for IPv4).
    var zone: String

    /// The IPv4 address `a.b.c.d`.
    init(ipv4 bytes: (UInt8, UInt8, UInt8, UInt8)) {
        high = 0
        low = 0xFFFF_0000_0000 | UInt64(bytes.0) << 24 | UInt64(bytes.1) << 16 | UInt64(bytes.2) << 8 | UInt64(bytes.3)
        family = .ipv4
        zone = ""
    }

    /// The IPv6 address of these 16 bytes, most significant first.
    init(ipv6 bytes: [UInt8], zone: String = "") {
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<8 {
            high = high << 8 | UInt64(bytes[index])
            low = low << 8 | UInt64(bytes[index + 8])
        }
        self.init(high: high, low: low, family: .ipv6, zone: zone)
    }

    init(high: UInt64, low: UInt64, family: Family, zone: String) {
        self.high = high
        self.low = low
        self.family = family
        self.zone = family == .ipv4 ? "" : zone
    }

    /// 32 for IPv4, 128 for IPv6 (IPv4-mapped IPv6 addresses included).
    var bitLength: Int { family == .ipv4 ? 32 : 128 }

    /// An IPv6 address in `::ffff:0:0/96`.
    var isIPv4MappedIPv6: Bool { family == .ipv6 && high == 0 && low >> 32 == 0xFFFF }

    /// The address with an IPv4-mapped IPv6 address turned into its IPv4 address.
    var unmapped: GoNetIPAddress {
        guard isIPv4MappedIPv6 else { return self }
        return GoNetIPAddress(high: high, low: low, family: .ipv4, zone: "")
    }

    /// Byte `index` (0–3) of an IPv4 address.
    func ipv4Byte(_ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: low >> UInt64((3 - index) * 8)) }

    /// The 16-bit group `index` (0–7) of the 128 bits.
    func group(_ index: Int) -> UInt16 {
        let half = index < 4 ? high : low
        return UInt16(truncatingIfNeeded: half >> UInt64((3 - index % 4) * 16))
    }

    var isUnspecified: Bool {
        switch family {
        case .ipv4: return low == 0xFFFF_0000_0000
        case .ipv6: return high == 0 && low == 0 && zone.isEmpty
        }
    }

    var isLoopback: Bool {
        let address = unmapped
        switch address.family {
        case .ipv4: return address.ipv4Byte(0) == 127
        case .ipv6: return address.high == 0 && address.low == 1
        }
    }

    var isMulticast: Bool {
        let address = unmapped
        switch address.family {
        case .ipv4: return address.ipv4Byte(0) & 0xF0 == 0xE0
        case .ipv6: return address.high >> 56 == 0xFF
        }
    }

    var isLinkLocalUnicast: Bool {
        let address = unmapped
        switch address.family {
        case .ipv4: return address.ipv4Byte(0) == 169 && address.ipv4Byte(1) == 254
        case .ipv6: return address.group(0) & 0xFFC0 == 0xFE80
        }
    }

    var isLinkLocalMulticast: Bool {
        let address = unmapped
        switch address.family {
        case .ipv4: return address.ipv4Byte(0) == 224 && address.ipv4Byte(1) == 0 && address.ipv4Byte(2) == 0
        case .ipv6: return address.group(0) & 0xFF0F == 0xFF02
        }
    }

    /// Go's rule: not unspecified, not the IPv4 broadcast address, not loopback, multicast or
    /// link-local unicast (private and unique-local addresses count as global unicast).
    var isGlobalUnicast: Bool {
        let address = unmapped
        if address.family == .ipv4 && (address.isUnspecified || address.low == 0xFFFF_FFFF_FFFF) {
            return false
        }
        if address.family == .ipv6 && address.high == 0 && address.low == 0 && address.zone.isEmpty {
            return false
        }
        return !address.isLoopback && !address.isMulticast && !address.isLinkLocalUnicast
    }

    /// The address with all but the first `bits` bits cleared (`bits` within the family's length).
    func masked(toPrefixLength bits: Int) -> GoNetIPAddress {
        let effective = family == .ipv4 ? bits + 96 : bits
        let highMask: UInt64 = effective >= 64 ? .max : (effective == 0 ? 0 : .max << UInt64(64 - effective))
        let lowMask: UInt64 = effective <= 64 ? 0 : (effective >= 128 ? .max : .max << UInt64(128 - effective))
        return GoNetIPAddress(high: high & highMask, low: low & lowMask, family: family, zone: zone)
    }

    /// Go's `Addr.String`: dotted decimal, RFC 5952 IPv6 (`::` for the longest run of two or more zero
    /// groups, lower-case hex), `::ffff:a.b.c.d` for IPv4-mapped addresses, then `%zone`.
    var text: String {
        switch family {
        case .ipv4:
            return ipv4Text
        case .ipv6:
            var result = isIPv4MappedIPv6 ? "::ffff:" + unmapped.ipv4Text : ipv6GroupsText
            if !zone.isEmpty { result += "%" + zone }
            return result
        }
    }

    private var ipv4Text: String {
        (0..<4).map { String(ipv4Byte($0)) }.joined(separator: ".")
    }

    private var ipv6GroupsText: String {
        var zeroStart = -1
        var zeroLength = 0
        var index = 0
        while index < 8 {
            var end = index
            while end < 8 && group(end) == 0 { end += 1 }
            if end - index >= 2 && end - index > zeroLength {
                zeroStart = index
                zeroLength = end - index
            }
            index = max(end, index + 1)
        }
        var result = ""
        index = 0
        while index < 8 {
            if index == zeroStart {
                result += "::"
                index += zeroLength
                if index >= 8 { break }
            } else if index > 0 {
                result += ":"
            }
            result += String(group(index), radix: 16)
            index += 1
        }
        return result
    }
}
