import RampartModel

/// A YAML value as the generator builds it: mappings keep their insertion order, nil entries vanish.
enum YAMLValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByStringInterpolation {
    case mapping([(String, YAMLValue)])
    case sequence([YAMLValue])
    case string(String)
    case integer(Int)
    case boolean(Bool)
    /// A multi-line string, written as a literal block (`|`).
    case block(String)

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .boolean(value) }
    init(arrayLiteral elements: YAMLValue...) { self = .sequence(elements) }
    init(dictionaryLiteral elements: (String, YAMLValue?)...) {
        self = .mapping(elements.compactMap { key, value in value.map { (key, $0) } })
    }

    /// A mapping from ordered entries, dropping nil values.
    static func map(_ entries: [(String, YAMLValue?)]) -> YAMLValue {
        .mapping(entries.compactMap { key, value in value.map { (key, $0) } })
    }

    /// A mapping of strings (labels, annotations, data), or nil when empty.
    static func strings(_ pairs: [(String, String)]) -> YAMLValue? {
        pairs.isEmpty ? nil : .mapping(pairs.map { ($0.0, .string($0.1)) })
    }

    /// The value as a `Node`, for `YAMLWriter`. A block keeps what its literal (`|`) form always
    /// read back as: the text with exactly one final line break.
    var node: Node {
        switch self {
        case .mapping(let entries): .mapping(entries.map { (key: $0.0, value: $0.1.node) })
        case .sequence(let items): .sequence(items.map(\.node))
        case .string(let text): .string(text)
        case .integer(let number): .int(number)
        case .boolean(let flag): .bool(flag)
        case .block(let text): .string(Self.withOneFinalLineBreak(text))
        }
    }

    private static func withOneFinalLineBreak(_ text: String) -> String {
        var body = Substring(text)
        while body.hasSuffix("\n") { body = body.dropLast() }
        return body + "\n"
    }
}
