/// The OpenAPI string formats of kube-openapi's `strfmt` registry that `format.uuid()`,
/// `format.byte()`, `format.date()` and `format.datetime()` use, matched by hand on bytes.
enum KubeStringFormats {
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    /// `(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$`
    static func isUUID(_ bytes: [UInt8]) -> Bool {
        var rest = bytes[...]
        for (index, length) in [8, 4, 4, 4, 12].enumerated() {
            if index > 0 && rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard rest.count >= length, rest.prefix(length).allSatisfy(isHexDigit) else { return false }
            rest = rest.dropFirst(length)
        }
        return rest.isEmpty
    }

    /// govalidator's base64 pattern: groups of four from `[A-Za-z0-9+/]`, the last one possibly padded
    /// with `=` or `==`; not empty.
    static func isBase64(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty, bytes.count % 4 == 0 else { return false }
        func isBase64Byte(_ byte: UInt8) -> Bool {
            isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
        }
        let padding = bytes.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        guard padding <= 2 else { return false }
        return bytes.dropLast(padding).allSatisfy(isBase64Byte)
    }

    /// Go's `time.Parse("2006-01-02", text)`: four-digit year, two-digit month 1–12, two-digit day
    /// within the month (leap years by the Gregorian rule).
    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = Array(bytes)
        guard text.count == 10, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
              let year = number(text[0..<4]), let month = number(text[5..<7]), let day = number(text[8..<10]),
              (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day >= 1 && day <= days
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard digits.allSatisfy(isDigit) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// kube-openapi's `IsDateTime`: at least 4 bytes; lower-cased and split at `t`, the first part a
    /// date and the second `HH:MM:SS`, an optional fraction (any character then digits) and `z` or
    /// `±HH:MM`, with hour ≤ 23, minute ≤ 59 and second ≤ 59 (compared as text).
    static func isDateTime(_ text: String) -> Bool {
        guard text.utf8.count >= 4 else { return false }
        // Go lower-cases every rune; only ASCII letters matter below, and no other rune becomes `t`.
        let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }
        let parts = scalars.split(separator: "t", omittingEmptySubsequences: false)
        guard parts.count >= 2, isDate(Array(String(String.UnicodeScalarView(parts[0])).utf8)[...]) else { return false }
        return isTime(Array(parts[1]))
    }

    /// `^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$` with the range checks.
    private static func isTime(_ scalars: [Unicode.Scalar]) -> Bool {
        func digit(_ index: Int) -> Bool { index < scalars.count && scalars[index].isASCII && isDigit(UInt8(scalars[index].value)) }
        guard scalars.count >= 9, digit(0), digit(1), scalars[2] == ":", digit(3), digit(4), scalars[5] == ":", digit(6), digit(7) else {
            return false
        }
        let text = String(String.UnicodeScalarView(scalars[0..<8]))
        guard text.prefix(2) <= "23", text.dropFirst(3).prefix(2) <= "59", text.dropFirst(6).prefix(2) <= "59" else { return false }
        return isFractionAndZone(scalars[8...])
    }

    /// `(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$`
    private static func isFractionAndZone(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        if isZone(rest) { return true }
        // A fraction: any character but a newline, one or more digits, then the zone; the digits run
        // may end anywhere before a zone that matches.
        guard let first = rest.first, first != "\n" else { return false }
        var index = rest.startIndex + 1
        while index < rest.endIndex, rest[index].isASCII, isDigit(UInt8(rest[index].value)) {
            index += 1
            if isZone(rest[index...]) { return true }
        }
        return false
    }

    private static func isZone(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        guard rest.count == 1 || rest.count == 6 else { return false }
        let zone = Array(rest)
        if zone == ["z"] { return true }
        func digit(_ index: Int) -> Bool { zone[index].isASCII && isDigit(UInt8(zone[index].value)) }
        return zone.count == 6 && (zone[0] == "+" || zone[0] == "-") && digit(1) && digit(2) && zone[3] == ":" && digit(4) && digit(5)
    }
}
