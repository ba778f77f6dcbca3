import Foundation

/// RFC 3339 timestamps, Go-style durations, civil calendar fields and time zones.
enum TimeSupport {
    // MARK: calendar

    /// Days since 1970-01-01 of a civil date (proleptic Gregorian).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * m + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    // MARK: timestamps

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    static func parseTimestamp(_ text: String) -> CELTimestamp? {
        let s = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int64? {
            guard i + digits <= s.count else { return nil }
            var value: Int64 = 0
            for k in 0..<digits {
                let c = s[i + k]
                guard c >= 48 && c <= 57 else { return nil }
                value = value * 10 + Int64(c - 48)
            }
            i += digits
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
              let day = number(2), i < s.count, s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: "t") else { return nil }
        i += 1
        guard let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2), expect(UInt8(ascii: ":")),
              let second = number(2) else { return nil }
        var nanos: Int64 = 0
        if expect(UInt8(ascii: ".")) {
            var digits = 0
            while i < s.count, s[i] >= 48, s[i] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int64(s[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }
        var offset: Int64 = 0
        guard i < s.count else { return nil }
        if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
            i += 1
        } else if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            let sign: Int64 = s[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = number(2), expect(UInt8(ascii: ":")), let om = number(2), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == s.count, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else { return nil }
        let seconds = days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        let timestamp = CELTimestamp(seconds: seconds, nanos: Int32(nanos))
        return timestamp.isValid ? timestamp : nil
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// RFC 3339 in UTC with the fraction trimmed of trailing zeros (Go's RFC3339Nano).
    static func format(_ t: CELTimestamp) -> String {
        let dayCount = floorDivide(t.seconds, 86_400)
        let secondOfDay = t.seconds - dayCount * 86_400
        let (y, m, d) = civil(days: dayCount)
        var text = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(secondOfDay / 3600, 2) + ":"
            + pad(secondOfDay % 3600 / 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if t.nanos != 0 { text += "." + fraction(Int64(t.nanos)) }
        return text + "Z"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Nine-digit nanoseconds without trailing zeros.
    private static func fraction(_ nanos: Int64) -> String {
        var digits = pad(nanos, 9)
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits
    }

    // MARK: durations

    /// Parses a Go-style duration (`1h30m`, `-1.5s`, `100ms`, `3us`, `4ns`).
    static func parseDuration(_ text: String) -> CELDuration? {
        var s = Substring(text)
        var negative = false
        if let first = s.first, first == "-" || first == "+" {
            negative = first == "-"
            s = s.dropFirst()
        }
        if s == "0" { return CELDuration(seconds: 0) }
        guard !s.isEmpty else { return nil }
        var total: Int128 = 0
        let units: [(String, Int128)] = [
            ("ns", 1), ("us", 1000), ("µs", 1000), ("μs", 1000), ("ms", 1_000_000), ("s", 1_000_000_000),
            ("m", 60_000_000_000), ("h", 3_600_000_000_000),
        ]
        while !s.isEmpty {
            var whole: Int128 = 0, fractionValue: Int128 = 0, fractionScale: Int128 = 1
            var sawDigit = false
            while let c = s.first, let digit = c.wholeNumberValue, c.isASCII {
                whole = whole * 10 + Int128(digit)
                guard whole < Int128(1) << 80 else { return nil }
                sawDigit = true
                s = s.dropFirst()
            }
            if s.first == "." {
                s = s.dropFirst()
                while let c = s.first, let digit = c.wholeNumberValue, c.isASCII {
                    if fractionScale < 1_000_000_000_000_000_000 {
                        fractionValue = fractionValue * 10 + Int128(digit)
                        fractionScale *= 10
                    }
                    sawDigit = true
                    s = s.dropFirst()
                }
            }
            guard sawDigit else { return nil }
            // Longest unit first: "ms" before "m".
            guard let (unit, scale) = units.sorted(by: { $0.0.count > $1.0.count }).first(where: { s.hasPrefix($0.0) }) else { return nil }
            s = s.dropFirst(unit.count)
            total += whole * scale + fractionValue * scale / fractionScale
            guard total < Int128(1) << 100 else { return nil }
        }
        return CELDuration(totalNanos: negative ? -total : total)
    }

    /// `1.5s`, `-3600s`, `0s`: seconds with the fraction trimmed of trailing zeros.
    static func format(_ d: CELDuration) -> String {
        let total = d.totalNanos
        let negative = total < 0
        let magnitude = negative ? -total : total
        var text = (negative ? "-" : "") + String(magnitude / 1_000_000_000)
        let nanos = Int64(magnitude % 1_000_000_000)
        if nanos != 0 { text += "." + fraction(nanos) }
        return text + "s"
    }

    // MARK: fields

    /// The offset in seconds east of UTC of a zone (`UTC`, `+05:30`, `-08:00`, `America/New_York`) at a moment.
    static func offset(zone: String, at seconds: Int64) -> Int64? {
        if zone.contains(":") {  // a fixed offset: +HH:MM, -HH:MM or HH:MM
            let negative = zone.hasPrefix("-")
            let unsigned = zone.hasPrefix("+") || negative ? zone.dropFirst() : Substring(zone)
            let parts = unsigned.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
                  let h = Int64(parts[0]), let m = Int64(parts[1]), h >= 0, h < 24, m >= 0, m < 60 else { return nil }
            return (negative ? -1 : 1) * (h * 3600 + m * 60)
        }
        if zone == "UTC" || zone == "Z" { return 0 }
        guard let tz = TimeZone(identifier: zone) else { return nil }
        return Int64(tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    static func field(_ name: String, of t: CELTimestamp, zone: String?) throws(CELEvaluationError) -> CELValue {
        var seconds = t.seconds
        if let zone {
            guard let offset = offset(zone: zone, at: t.seconds) else { throw CELEvaluationError("unknown time zone: \(zone)") }
            seconds += offset
        }
        let dayCount = floorDivide(seconds, 86_400)
        let secondOfDay = seconds - dayCount * 86_400
        let (y, m, d) = civil(days: dayCount)
        switch name {
        case "getFullYear": return .int(y)
        case "getMonth": return .int(m - 1)
        case "getDate": return .int(d)
        case "getDayOfMonth": return .int(d - 1)
        case "getDayOfWeek": return .int(((dayCount % 7) + 11) % 7)
        case "getDayOfYear": return .int(dayCount - days(year: y, month: 1, day: 1))
        case "getHours": return .int(secondOfDay / 3600)
        case "getMinutes": return .int(secondOfDay % 3600 / 60)
        case "getSeconds": return .int(secondOfDay % 60)
        default: return .int(Int64(t.nanos) / 1_000_000)  // getMilliseconds
        }
    }

    static func field(_ name: String, of d: CELDuration) -> CELValue {
        let total = d.totalNanos
        switch name {
        case "getHours": return .int(Int64(total / 3_600_000_000_000))
        case "getMinutes": return .int(Int64(total / 60_000_000_000))
        case "getSeconds": return .int(Int64(total / 1_000_000_000))
        default: return .int(Int64(total % 1_000_000_000 / 1_000_000))
        }
    }
}
