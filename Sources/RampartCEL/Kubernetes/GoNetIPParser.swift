/// Go's `netip.ParseAddr` and `netip.ParsePrefix`, with their exact error texts, which Kubernetes'
/// `ip()` and `cidr()` functions pass on.
enum GoNetIPParser {
    /// A parse failure; `text` is Go's `err.Error()`.
    struct Failure: Error {
        let text: String
    }

    /// `netip.ParseAddr`: dotted decimal IPv4 (no leading zeros), IPv6 with an optional embedded IPv4
    /// tail and an optional `%zone`.
    static func parseAddress(_ input: String) throws(Failure) -> GoNetIPAddress {
        let bytes = Array(input.utf8)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "."): return try parseIPv4(bytes)
            case UInt8(ascii: ":"): return try parseIPv6(bytes)
            case UInt8(ascii: "%"): throw addressFailure(bytes, "missing IPv6 address")
            default: continue
            }
        }
        throw addressFailure(bytes, "unable to parse IP")
    }

    /// `netip.ParsePrefix`: an address without zone, `/`, and a decimal bit count without sign or
    /// leading zero, at most 32 (IPv4) or 128 (IPv6). The address bits are kept unmasked.
    static func parsePrefix(_ input: String) throws(Failure) -> (address: GoNetIPAddress, bits: Int) {
        let bytes = Array(input.utf8)
        let quoted = GoQuote.quote(input)
        func failure(_ message: String) -> Failure {
            Failure(text: "netip.ParsePrefix(" + quoted + "): " + message)
        }
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { throw failure("no '/'") }
        let address: GoNetIPAddress
        do {
            address = try parseAddress(String(decoding: bytes[..<slash], as: UTF8.self))
        } catch {
            throw failure(error.text)
        }
        if address.family == .ipv6 && !address.zone.isEmpty {
            throw failure("IPv6 zones cannot be present in a prefix")
        }
        let bitsText = bytes[(slash + 1)...]
        let badBits = failure("bad bits after slash: " + GoQuote.quote(String(decoding: bitsText, as: UTF8.self)))
        if bitsText.count > 1, let first = bitsText.first, first < UInt8(ascii: "1") || first > UInt8(ascii: "9") {
            throw badBits
        }
        // What is left is Go's `strconv.Atoi`: ASCII digits within `Int` (a lone sign fails).
        guard let bits = Int(String(decoding: bitsText, as: UTF8.self)) else { throw badBits }
        guard bits >= 0, bits <= address.bitLength else { throw failure("prefix length out of range") }
        return (GoNetIPAddress(high: address.high, low: address.low, family: address.family, zone: ""), bits)
    }

    private static func addressFailure(_ input: [UInt8], _ message: String, at rest: ArraySlice<UInt8>? = nil) -> Failure {
        var text = "ParseAddr(" + GoQuote.quote(String(decoding: input, as: UTF8.self)) + "): " + message
        if let rest, !rest.isEmpty {
            text += " (at " + GoQuote.quote(String(decoding: rest, as: UTF8.self)) + ")"
        }
        return Failure(text: text)
    }

    private static func parseIPv4(_ input: [UInt8]) throws(Failure) -> GoNetIPAddress {
        let fields = try parseIPv4Fields(input, input.indices)
        return GoNetIPAddress(ipv4: (fields[0], fields[1], fields[2], fields[3]))
    }

    /// The four octets of `input[range]`; errors name the whole `input`, as Go's do.
    private static func parseIPv4Fields(_ input: [UInt8], _ range: Range<Int>) throws(Failure) -> [UInt8] {
        var fields: [UInt8] = []
        var value = 0
        var digits = 0
        let text = input[range]
        for index in text.indices {
            let byte = text[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if digits == 1 && value == 0 {
                    throw addressFailure(input, "IPv4 field has octet with leading zero")
                }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                if value > 255 { throw addressFailure(input, "IPv4 field has value >255") }
            } else if byte == UInt8(ascii: ".") {
                if index == text.startIndex || index == text.endIndex - 1 || text[index - 1] == UInt8(ascii: ".") {
                    throw addressFailure(input, "IPv4 field must have at least one digit", at: text[index...])
                }
                if fields.count == 3 { throw addressFailure(input, "IPv4 address too long") }
                fields.append(UInt8(value))
                value = 0
                digits = 0
            } else {
                throw addressFailure(input, "unexpected character", at: text[index...])
            }
        }
        if fields.count < 3 { throw addressFailure(input, "IPv4 address too short") }
        fields.append(UInt8(value))
        return fields
    }

    private static func parseIPv6(_ input: [UInt8]) throws(Failure) -> GoNetIPAddress {
        var end = input.endIndex
        var zone = ""
        if let percent = input.firstIndex(of: UInt8(ascii: "%")) {
            end = percent
            zone = String(decoding: input[(percent + 1)...], as: UTF8.self)
            if zone.isEmpty { throw addressFailure(input, "zone must be a non-empty string") }
        }
        var rest = input[..<end]
        var address = [UInt8](repeating: 0, count: 16)
        var ellipsis = -1
        if rest.count >= 2 && rest.first == UInt8(ascii: ":") && rest.dropFirst().first == UInt8(ascii: ":") {
            ellipsis = 0
            rest = rest.dropFirst(2)
            if rest.isEmpty { return GoNetIPAddress(ipv6: address, zone: zone) }
        }
        var filled = 0
        groups: while filled < 16 {
            var length = 0
            var accumulator: UInt32 = 0
            for byte in rest {
                guard let digit = hexDigit(byte) else { break }
                accumulator = accumulator << 4 + digit
                if length > 3 { throw addressFailure(input, "each group must have 4 or less digits", at: rest) }
                length += 1
            }
            if length == 0 {
                throw addressFailure(input, "each colon-separated field must have at least one digit", at: rest)
            }
            let afterDigits = rest.startIndex + length
            if afterDigits < rest.endIndex && rest[afterDigits] == UInt8(ascii: ".") {
                if ellipsis < 0 && filled != 12 {
                    throw addressFailure(input, "embedded IPv4 address must replace the final 2 fields of the address", at: rest)
                }
                if filled + 4 > 16 {
                    throw addressFailure(input, "too many hex fields to fit an embedded IPv4 at the end of the address", at: rest)
                }
                let fields = try parseIPv4Fields(input, rest.startIndex..<end)
                address.replaceSubrange(filled..<(filled + 4), with: fields)
                rest = rest[rest.endIndex...]
                filled += 4
                break groups
            }
            address[filled] = UInt8(accumulator >> 8)
            address[filled + 1] = UInt8(truncatingIfNeeded: accumulator)
            filled += 2
            rest = rest[afterDigits...]
            if rest.isEmpty { break groups }
            if rest.first != UInt8(ascii: ":") {
                throw addressFailure(input, "unexpected character, want colon", at: rest)
            } else if rest.count == 1 {
                throw addressFailure(input, "colon must be followed by more characters", at: rest)
            }
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: ":") {
                if ellipsis >= 0 { throw addressFailure(input, "multiple :: in address", at: rest) }
                ellipsis = filled
                rest = rest.dropFirst()
                if rest.isEmpty { break groups }
            }
        }
        if !rest.isEmpty { throw addressFailure(input, "trailing garbage after address", at: rest) }
        if filled < 16 {
            if ellipsis < 0 { throw addressFailure(input, "address string too short") }
            let shift = 16 - filled
            var expanded = [UInt8](repeating: 0, count: 16)
            for index in 0..<ellipsis { expanded[index] = address[index] }
            for index in ellipsis..<filled { expanded[index + shift] = address[index] }
            address = expanded
        } else if ellipsis >= 0 {
            throw addressFailure(input, "the :: must expand to at least one field of zeros")
        }
        return GoNetIPAddress(ipv6: address, zone: zone)
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
