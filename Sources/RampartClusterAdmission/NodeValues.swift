import RampartCEL
import RampartModel

extension CELValue {
    /// The value of a Kubernetes object's field as the API server hands it to CEL: the decoded JSON,
    /// so plain YAML scalars are typed the way Kubernetes' YAML decoder types them (null, booleans,
    /// integers, floats) and quoted scalars are strings.
    init(_ node: Node) {
        switch node.content {
        case .mapping(let entries):
            var map = CELMap()
            map.reserveCapacity(entries.count)
            // The last of duplicate keys wins, as in the API server's decoder.
            for entry in entries.reversed() { _ = map.insert(.string(entry.key), CELValue(entry.value)) }
            self = .map(map)
        case .sequence(let items):
            self = .list(items.map(CELValue.init))
        case .scalar(let scalar):
            self = Self.scalar(scalar, node)
        }
    }

    private static func scalar(_ scalar: Scalar, _ node: Node) -> CELValue {
        guard scalar.isPlain else { return .string(scalar.text) }
        if node.isNull { return .null }
        if let bool = node.bool { return .bool(bool) }
        if let int = node.int { return .int(Int64(int)) }
        if let double = Self.float(scalar.text) { return .double(double) }
        return .string(scalar.text)
    }

    /// A YAML 1.1 / JSON float: digits with a fraction or exponent, or `.inf`, `.nan`.
    private static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default:
            guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                    || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
                  text.utf8.allSatisfy({ $0 < 128 }) else { return nil }
            return Double(text.replacingOccurrences(of: "_", with: ""))
        }
    }
}
