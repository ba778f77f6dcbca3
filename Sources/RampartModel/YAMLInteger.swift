/// Integer parsing for plain scalars with the YAML 1.1 forms Kubernetes' decoder accepts.
enum YAMLInteger {
    static func parse(_ text: String) -> Int? {
        if let value = plainDecimal(text.utf8) { return value }
        var body = Substring(text.filter { $0 != "_" })
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        let value: Int?
        if body.hasPrefix("0x") {
            value = Int(body.dropFirst(2), radix: 16)
        } else if body.hasPrefix("0o") {
            value = Int(body.dropFirst(2), radix: 8)
        } else if body.count > 1, body.hasPrefix("0") {
            value = Int(body.dropFirst(), radix: 8)
        } else {
            value = Int(body, radix: 10)
        }
        guard let magnitude = value else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// The common case without allocating: up to 18 decimal digits, no sign, no separators and no
    /// leading zero (which YAML 1.1 reads as octal).
    private static func plainDecimal(_ bytes: String.UTF8View) -> Int? {
        guard let first = bytes.first, bytes.count <= 18, first != UInt8(ascii: "0") || bytes.count == 1 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
