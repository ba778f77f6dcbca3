import RampartModel

/// Small constructors for building `Node` trees in code (generated manifests have no source).
extension Node {
    private static let generated = SourceMark(line: 0, column: 0)

    /// A string scalar.
    static func string(_ text: String) -> Node {
        Node(.scalar(Scalar(text, isPlain: false)), mark: generated)
    }

    /// A mapping with entries in the given order.
    static func mapping(_ entries: KeyValuePairs<String, Node>) -> Node {
        Node(.mapping(entries.map { MappingEntry(key: $0.key, keyMark: generated, value: $0.value) }), mark: generated)
    }

    /// A sequence.
    static func sequence(_ items: [Node]) -> Node {
        Node(.sequence(items), mark: generated)
    }

    /// A sequence of strings.
    static func strings(_ items: [String]) -> Node {
        sequence(items.map(string))
    }
}
