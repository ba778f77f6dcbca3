import RampartReport

/// Deterministic JSON for every command's output: sorted keys, unescaped slashes (see `JSONReporter`).
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        try JSONReporter.encode(value)
    }
}
