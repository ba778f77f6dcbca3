/// Integer parsing for plain scalars with the YAML 1.1 forms Kubernetes' decoder accepts.
enum YAMLInteger {
    static func parse(_ text: String) -> Int? {
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
}
