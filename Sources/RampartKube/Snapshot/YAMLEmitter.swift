import RampartModel

/// Writes `Node` trees as block YAML that reads back to the same values: strings that a YAML 1.1
/// reader would take for something else (`on`, `1.5`, `null`, `: `…) are double-quoted, plain
/// scalars (numbers, booleans) stay plain.
public enum YAMLEmitter {
    /// A multi-document stream: `---` before each document, `header` lines as comments first.
    public static func stream(_ documents: [Node], header: [String] = []) -> String {
        var out = header.map { "# \($0)\n" }.joined()
        for document in documents {
            out += "---\n"
            write(document, indent: 0, into: &out)
        }
        return out
    }

    /// One document.
    public static func document(_ node: Node) -> String {
        var out = ""
        write(node, indent: 0, into: &out)
        return out
    }

    private static func write(_ node: Node, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch node.content {
        case .scalar(let scalar):
            out += pad + text(scalar) + "\n"
        case .mapping(let entries) where entries.isEmpty:
            out += pad + "{}\n"
        case .sequence(let items) where items.isEmpty:
            out += pad + "[]\n"
        case .mapping(let entries):
            for entry in entries {
                out += pad + key(entry.key) + ":"
                if let inline = inline(entry.value) {
                    out += " " + inline + "\n"
                } else {
                    out += "\n"
                    write(entry.value, indent: entry.value.isSequence ? indent : indent + 2, into: &out)
                }
            }
        case .sequence(let items):
            for item in items {
                if let inline = inline(item) {
                    out += pad + "- " + inline + "\n"
                    continue
                }
                // The item's block at indent + 2, its first indentation replaced by the dash.
                var block = ""
                write(item, indent: indent + 2, into: &block)
                out += pad + "- " + block.dropFirst(indent + 2)
            }
        }
    }

    /// Scalars and empty collections fit on the line of their key or dash.
    private static func inline(_ node: Node) -> String? {
        switch node.content {
        case .scalar(let scalar): text(scalar)
        case .mapping(let entries): entries.isEmpty ? "{}" : nil
        case .sequence(let items): items.isEmpty ? "[]" : nil
        }
    }

    private static func key(_ key: String) -> String {
        isSafeString(key) ? key : quoted(key)
    }

    private static func text(_ scalar: Scalar) -> String {
        if scalar.isPlain { return isSafePlain(scalar.text) ? scalar.text : quoted(scalar.text) }
        return isSafeString(scalar.text) ? scalar.text : quoted(scalar.text)
    }

    /// Text that may stay plain and still read back as a string.
    static func isSafeString(_ text: String) -> Bool {
        guard isSafePlain(text), let first = text.unicodeScalars.first else { return false }
        if ("0"..."9").contains(first) || first == "." || first == "+" || first == "-" { return false }
        return !nonStrings.contains(text.lowercased())
    }

    /// Words a YAML 1.1 reader takes for null or a boolean.
    private static let nonStrings: Set<String> = [
        "", "~", "null", "true", "false", "yes", "no", "y", "n", "on", "off", "<<", "=",
    ]

    /// Text that reads back unchanged as a plain scalar (whatever type it resolves to).
    static func isSafePlain(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, first != " ", last != " ", last != ":" else { return false }
        let negativeNumber = first == "-" && scalars.count > 1 && ("0"..."9").contains(scalars[1])
        if !negativeNumber, "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-", "/", "=", "+", "(", ")", "~", "$", "^", "%", "@", "<", ">", "'", ";":
                continue
            case " ":
                if index + 1 < scalars.count, scalars[index + 1] == "#" { return false }
            case ":":
                if index + 1 < scalars.count, scalars[index + 1] == " " { return false }
            default:
                return false
            }
        }
        return true
    }

    /// A double-quoted scalar with YAML's escapes.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{00}"..."\u{1F}", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
