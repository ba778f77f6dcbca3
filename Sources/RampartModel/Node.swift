/// A position in a source document: 1-based line and column, as the YAML parser reports them.
///
/// Kept in 32 bits each (every node and key of the value tree carries one: 16 bytes less per
/// mapping entry); positions past 4,294,967,295 read as that.
public struct SourceMark: Sendable, Hashable, Codable, Comparable {
    private var storedLine: UInt32
    private var storedColumn: UInt32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    private enum CodingKeys: String, CodingKey { case line, column }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}

/// A scalar as written in the source. Plain (unquoted, untagged) scalars are typed the way
/// Kubernetes' YAML 1.1 decoder types them; quoted or `!!str`-tagged scalars are always strings.
public struct Scalar: Sendable, Hashable {
    public var text: String
    public var isPlain: Bool

    public init(_ text: String, isPlain: Bool) {
        self.text = text
        self.isPlain = isPlain
    }
}

/// One key/value pair of a mapping, in source order.
public struct MappingEntry: Sendable {
    public var key: String
    public var keyMark: SourceMark
    public var value: Node

    public init(key: String, keyMark: SourceMark, value: Node) {
        self.key = key
        self.keyMark = keyMark
        self.value = value
    }
}

/// A light, immutable value tree of a YAML or JSON document in which every node keeps its source mark.
///
/// Kubernetes objects are open-ended, so Rampart never decodes them into fixed structs: rules read
/// the fields they need through the accessors here and typed views built on them.
public struct Node: Sendable {
    /// The shape of a node.
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([MappingEntry])
    }

    public var mark: SourceMark
    public var content: Content

    public init(_ content: Content, mark: SourceMark) {
        self.content = content
        self.mark = mark
    }

    /// The value of `key` when this node is a mapping (the last one wins on duplicate keys, as in
    /// the API server's decoder).
    public subscript(key: String) -> Node? {
        guard case .mapping(let entries) = content else { return nil }
        // Comparing byte counts first (constant time) skips most string comparisons on this hot path.
        let count = key.utf8.count
        return entries.last(where: { $0.key.utf8.count == count && $0.key == key })?.value
    }

    /// The element at `index` when this node is a sequence.
    public subscript(index: Int) -> Node? {
        guard case .sequence(let items) = content, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// Follows a path of keys and indices.
    public subscript(path: FieldPath) -> Node? {
        var node: Node? = self
        for component in path.components {
            switch component {
            case .key(let key): node = node?[key]
            case .index(let index): node = node?[index]
            }
            if node == nil { return nil }
        }
        return node
    }

    /// The mapping entries, or an empty list when this is not a mapping.
    public var entries: [MappingEntry] {
        if case .mapping(let entries) = content { return entries }
        return []
    }

    /// The sequence items, or an empty list when this is not a sequence.
    public var items: [Node] {
        if case .sequence(let items) = content { return items }
        return []
    }

    public var isMapping: Bool {
        if case .mapping = content { return true }
        return false
    }

    public var isSequence: Bool {
        if case .sequence = content { return true }
        return false
    }

    /// True for YAML null (`null`, `~`, `Null`, `NULL` or an empty plain scalar).
    public var isNull: Bool {
        guard case .scalar(let scalar) = content, scalar.isPlain else { return false }
        // Counting bytes first (constant time) spares nearly every scalar the set lookup: `string`
        // asks this of every value it reads.
        return scalar.text.utf8.count <= 4 && Self.nullSpellings.contains(scalar.text)
    }

    public var string: String? {
        guard case .scalar(let scalar) = content, !isNull else { return nil }
        return scalar.text
    }

    /// A boolean the way Kubernetes' YAML 1.1 decoder reads it (`true`, `yes`, `on`, …), or a JSON boolean.
    public var bool: Bool? {
        guard case .scalar(let scalar) = content, scalar.isPlain, scalar.text.utf8.count <= 5 else { return nil }
        if Self.trueSpellings.contains(scalar.text) { return true }
        if Self.falseSpellings.contains(scalar.text) { return false }
        return nil
    }

    /// Plain scalars YAML 1.1 reads as null, true and false. (Sets, not `switch`: a `switch` over
    /// strings compares the text with each spelling in turn, and unequal strings compare slowly.)
    static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let trueSpellings: Set<String> = ["true", "True", "TRUE", "yes", "Yes", "YES", "y", "Y", "on", "On", "ON"]
    static let falseSpellings: Set<String> = ["false", "False", "FALSE", "no", "No", "NO", "n", "N", "off", "Off", "OFF"]

    /// An integer written as a plain scalar (decimal, `0x` hex, `0o`/leading-zero octal, `_` separators).
    public var int: Int? {
        guard case .scalar(let scalar) = content, scalar.isPlain else { return nil }
        return YAMLInteger.parse(scalar.text)
    }

    /// The text of the scalar at `key` of this mapping (the last entry of the key, as `self[key]`),
    /// read without building `stringMap`.
    public func scalarText(_ key: String) -> String? {
        guard case .scalar(let scalar)? = self[key]?.content else { return nil }
        return scalar.text
    }

    /// Labels-style string map (non-scalar values are skipped).
    public var stringMap: [String: String] {
        var map: [String: String] = [:]
        for entry in entries {
            if case .scalar(let scalar) = entry.value.content { map[entry.key] = scalar.text }
        }
        return map
    }
}
