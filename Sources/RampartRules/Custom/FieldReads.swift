import RampartModel

/// Which field of `object` an expression reads, so a finding can point at that field's line.
///
/// The expression's text is scanned (string literals skipped) for every selection chain that starts
/// at the variable `object`: `object.spec.replicas`, `has(object.metadata.labels)`. A chain stops
/// at an index (`[`), a method call (`.all(`) or anything else. Chains that are a prefix of another
/// (`has(object.spec)` beside `object.spec.replicas`) only guard the longer one and are dropped.
/// The variables the expression reads are scanned with it.
/// When exactly one chain is left, the expression reads that one field; otherwise (no chain, or
/// several different fields) the finding points at the object.
enum FieldReads {
    /// The variables an expression reads (`variables.NAME`) count as read by it: their sources are
    /// scanned too, and theirs in turn.
    static func singleField(in source: String, variables: [String: String]) -> FieldPath? {
        var found = selectionChains(in: Array(source.utf8))
        var expanded: Set<String> = []
        var index = 0
        while index < found.count {
            if found[index].root == "variables", let name = found[index].keys.first, let variable = variables[name],
               expanded.insert(name).inserted {
                found += selectionChains(in: Array(variable.utf8))
            }
            index += 1
        }
        let chains = Set(found.filter { $0.root == "object" }.map(\.keys))
        let fields = chains.filter { chain in
            !chains.contains { $0.count > chain.count && Array($0.prefix(chain.count)) == chain }
        }
        guard fields.count == 1, let field = fields.first, !field.isEmpty else { return nil }
        return FieldPath(field.map { .key($0) })
    }

    /// The keys of every selection chain from `object` in `source` (`["spec", "replicas"]`).
    static func objectChains(in source: String) -> [[String]] {
        selectionChains(in: Array(source.utf8)).filter { $0.root == "object" }.map(\.keys)
    }

    /// True when the expression reads the variable `name` (not a field of that name).
    static func reads(_ name: String, in source: String) -> Bool {
        selectionChains(in: Array(source.utf8)).contains { $0.root == name }
    }

    /// Every identifier outside string literals that is not itself a field (`a` in `a.b`, not `b`),
    /// with the keys selected from it.
    private static func selectionChains(in bytes: [UInt8]) -> [(root: String, keys: [String])] {
        var chains: [(root: String, keys: [String])] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                index = skipString(bytes, from: index)
                continue
            }
            guard isIdentifierStart(byte) else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, isIdentifierPart(bytes[index]) { index += 1 }
            let preceded = start > 0 && bytes[start - 1] == UInt8(ascii: ".")
            guard !preceded else { continue }
            let root = String(decoding: bytes[start..<index], as: UTF8.self)
            var chain: [String] = []
            while index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), isIdentifierStart(bytes[index + 1]) {
                var end = index + 1
                while end < bytes.count, isIdentifierPart(bytes[end]) { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: "(") { break }
                chain.append(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
                index = end
            }
            chains.append((root, chain))
        }
        return chains
    }

    /// The index after the string literal that starts at `start` (escapes skipped; triple quotes
    /// read as three empty-or-not strings, which skips them just as well).
    private static func skipString(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count, bytes[index] != quote {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return index + 1
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "_")
    }

    private static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
