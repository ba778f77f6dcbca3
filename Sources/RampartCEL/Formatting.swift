/// Number-to-text conversions with Go's rules, which cel-go's outputs follow.
enum Formatting {
    /// The shortest decimal digits of a finite double and the position of the decimal point
    /// (value = 0.digits × 10^point).
    static func shortestDigits(_ d: Double) -> (digits: [UInt8], point: Int) {
        let text = "\(Swift.abs(d))"
        var mantissa = Substring(text), exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var point = 0, seenPoint = false
        for c in mantissa.utf8 {
            if c == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            digits.append(c - 48)
            if !seenPoint { point += 1 }
        }
        while let first = digits.first, first == 0, digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == 0, digits.count > 1 { digits.removeLast() }
        if digits == [0] { point = 1 }
        return (digits, point + exponent)
    }

    /// Go's `fmt.Sprintf("%g", d)` (cel-go's `string(double)`): `123.456`, `1e+06`, `1e-05`, `NaN`, `+Inf`.
    static func double(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let (digits, point) = shortestDigits(d)
        let sign = d < 0 ? "-" : ""
        let exponent = point - 1
        let text = digits.map { String($0) }
        if exponent < -4 || exponent >= 6 {
            var mantissa = text[0]
            if digits.count > 1 { mantissa += "." + text[1...].joined() }
            let e = Swift.abs(exponent)
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + text.joined() }
        if point >= digits.count { return sign + text.joined() + String(repeating: "0", count: point - digits.count) }
        return sign + text[..<point].joined() + "." + text[point...].joined()
    }
}
