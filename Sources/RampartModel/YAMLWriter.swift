/// Writes `Node` trees as block YAML (laid out as `kubectl get -o yaml` does) that reads back to the
/// same values, whatever the strings hold. The one writer of every manifest Rampart generates:
/// tenant baselines, the webhook's deployment, scanner RBAC, snapshots, benchmark clusters.
///
/// - Plain scalars (`Scalar.isPlain`: numbers, booleans, null) stay plain when they read back unchanged.
/// - Strings stay plain only when no YAML 1.1 reader could take them for anything else; strings a
///   reader would type (`on`, `NO`, `~`, `1e3`, `0x1F`, `.inf`) or misread (`a: b`, `a #b`, `-x`,
///   `*ref`, `"q"`, edge spaces, `""`) are double-quoted with YAML's escapes; multi-line strings are
///   literal blocks (`|`, `|-`) when that reads back exactly, else double-quoted.
/// - Keys follow the same rules; keys too long for a simple key are written as explicit (`? `) keys.
/// - Comments (a header, lines before each document, a footer) are split at line breaks and
///   escape characters a YAML reader rejects, so no text can leave its comment.
public enum YAMLWriter {
    /// One document of a stream and the comment lines written before it.
    public struct Document: Sendable {
        public var node: Node
        public var comments: [String]

        public init(_ node: Node, comments: [String] = []) {
            self.node = node
            self.comments = comments
        }
    }

    /// A multi-document stream: `header` comments first, `---` before each document.
    public static func stream(_ documents: [Node], header: [String] = []) -> String {
        stream(documents.map { Document($0) }, header: header)
    }

    /// A multi-document stream: `header` comments first, each document introduced by `---` and its
    /// comments, then `footer` comments after a blank line.
    public static func stream(_ documents: [Document], header: [String] = [], footer: [String] = []) -> String {
        var out = comments(header)
        for document in documents {
            out += "---\n"
            out += comments(document.comments)
            write(document.node, indent: 0, continuesLine: false, into: &out)
        }
        if !footer.isEmpty {
            if !documents.isEmpty { out += "\n" }
            out += comments(footer)
        }
        return out
    }

    /// One document, without a `---` marker.
    public static func document(_ node: Node) -> String {
        var out = ""
        write(node, indent: 0, continuesLine: false, into: &out)
        return out
    }

    /// Comment lines (`# text`; an empty line gives `#`). Line breaks inside a line start a new
    /// comment line; characters a YAML reader rejects are written as `\uXXXX`.
    public static func comments(_ lines: [String]) -> String {
        var out = ""
        for line in lines {
            var current = ""
            var previous: Unicode.Scalar?
            for scalar in line.unicodeScalars {
                defer { previous = scalar }
                if isLineBreak(scalar) {
                    if scalar == "\n", previous == "\r" { continue }
                    out += commentLine(current)
                    current = ""
                } else if needsEscape(scalar), scalar != "\t" {
                    current += escape(scalar)
                } else {
                    current.unicodeScalars.append(scalar)
                }
            }
            out += commentLine(current)
        }
        return out
    }

    private static func commentLine(_ text: String) -> String {
        text.isEmpty ? "#\n" : "# " + text + "\n"
    }

    // MARK: Blocks

    /// Writes `node` at `indent`. `continuesLine`: the line already holds a `- ` and the node's first
    /// line goes right after it.
    private static func write(_ node: Node, indent: Int, continuesLine: Bool, into out: inout String) {
        switch node.content {
        case .mapping(let entries) where !entries.isEmpty:
            for (index, entry) in entries.enumerated() {
                if index > 0 || !continuesLine { pad(indent, &out) }
                let key = text(key: entry.key)
                if key.utf8.count > maximumSimpleKey {
                    // A simple key must end within 1024 characters of its start: explicit key, then value.
                    out += "? " + key + "\n"
                    pad(indent, &out)
                } else {
                    out += key
                }
                out += ":"
                value(entry.value, indent: indent, into: &out)
            }
        case .sequence(let items) where !items.isEmpty:
            for (index, item) in items.enumerated() {
                if index > 0 || !continuesLine { pad(indent, &out) }
                out += "- "
                if isBlock(item) {
                    write(item, indent: indent + 2, continuesLine: true, into: &out)
                } else {
                    inline(item, indent: indent, into: &out)
                }
            }
        default:
            // Scalars and empty collections.
            if !continuesLine { pad(indent, &out) }
            inline(node, indent: indent, into: &out)
        }
    }

    /// A collection with something in it: written on lines of its own.
    private static func isBlock(_ node: Node) -> Bool {
        switch node.content {
        case .scalar: false
        case .mapping(let entries): !entries.isEmpty
        case .sequence(let items): !items.isEmpty
        }
    }

    /// What follows a `key:` written at `indent`: an inline value, or a collection on the next lines
    /// (a sequence at the key's indentation, as kubectl writes it).
    private static func value(_ node: Node, indent: Int, into out: inout String) {
        switch node.content {
        case .mapping(let entries) where !entries.isEmpty:
            out += "\n"
            write(node, indent: indent + 2, continuesLine: false, into: &out)
        case .sequence(let items) where !items.isEmpty:
            out += "\n"
            write(node, indent: indent, continuesLine: false, into: &out)
        default:
            out += " "
            inline(node, indent: indent, into: &out)
        }
    }

    /// A scalar or an empty collection, then the line's end. Literal blocks take the lines below,
    /// indented two more than `indent`.
    private static func inline(_ node: Node, indent: Int, into out: inout String) {
        switch node.content {
        case .mapping: out += "{}\n"
        case .sequence: out += "[]\n"
        case .scalar(let scalar) where scalar.isPlain:
            out += text(plain: scalar.text)
            out += "\n"
        case .scalar(let scalar):
            if isSafeString(scalar.text) {
                out += scalar.text
            } else if let block = literalBlock(scalar.text) {
                out += block.indicator
                for line in block.lines {
                    out += "\n"
                    if !line.isEmpty { pad(indent + 2, &out) }
                    out += line
                }
            } else {
                out += quoted(scalar.text)
            }
            out += "\n"
        }
    }

    private static func pad(_ count: Int, _ out: inout String) {
        out.append(contentsOf: repeatElement(" ", count: count))
    }

    /// libyaml's limit on a simple key is 1024 characters; this counts bytes, which is never fewer.
    private static let maximumSimpleKey = 1000

    // MARK: Scalars

    private static func text(key: String) -> String {
        isSafeString(key) ? key : quoted(key)
    }

    /// A plain scalar (a number, a boolean, null) as written, when that reads back the same.
    private static func text(plain text: String) -> String {
        // An empty plain scalar is null: say so rather than write nothing.
        if text.isEmpty { return "null" }
        return isSafePlain(text) ? text : quoted(text)
    }

    /// Text that may stay plain and still read back as a string.
    static func isSafeString(_ text: String) -> Bool {
        guard isSafePlain(text), let first = text.utf8.first else { return false }
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: ".") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: "-") { return false }
        return text.utf8.count > 5 || !nonStrings.contains(text.lowercased())
    }

    /// Words a YAML 1.1 reader takes for null, a boolean, a merge or a value key.
    private static let nonStrings: Set<String> = [
        "", "~", "null", "true", "false", "yes", "no", "y", "n", "on", "off", "<<", "=",
    ]

    /// Text that reads back unchanged as a plain scalar in block context (whatever type it
    /// resolves to): ASCII letters, digits, spaces and punctuation that starts nothing where it
    /// stands; no `: ` or ` #`, no space or `:` at the edges, no `...` in front.
    static func isSafePlain(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last, first != space, last != space, last != colon,
              !bytes.starts(with: "...".utf8) else { return false }
        var previous: UInt8 = 0
        var index = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), space,
                 UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "("),
                 UInt8(ascii: ")"), UInt8(ascii: "~"), UInt8(ascii: "$"), UInt8(ascii: "^"), UInt8(ascii: "<"), UInt8(ascii: ";"):
                break
            case UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: ","), colon:
                // Indicators where they come first (a directive, reserved, a folded block, a quoted
                // scalar, an alias, a flow separator, a mapping value); plain text after.
                if index == 0 { return false }
            case UInt8(ascii: "-"):
                // An entry or a document marker first, unless a negative number's sign.
                if index == 0, bytes.count < 2 || !isDigit(bytes[bytes.index(after: bytes.startIndex)]) { return false }
            case UInt8(ascii: "#"):
                // A comment after a space; a leading `#` is one too.
                if index == 0 || previous == space { return false }
            default:
                // Quotes, backslashes, `!`, `&`, `|`, `?`, `` ` ``, brackets, braces, tabs, controls, non-ASCII.
                return false
            }
            if previous == colon, byte == space { return false }
            previous = byte
            index += 1
        }
        return true
    }

    private static let space = UInt8(ascii: " ")
    private static let colon = UInt8(ascii: ":")

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// A multi-line string as a literal block when that reads back exactly: every character
    /// printable, no tab, no line break but `\n`, no line ending in a space, a first line that
    /// neither is empty nor starts with a space (it sets the block's indentation), and at most one
    /// final `\n` (`|` keeps it, `|-` strips none).
    static func literalBlock(_ text: String) -> (indicator: String, lines: [Substring])? {
        guard text.utf8.contains(UInt8(ascii: "\n")) else { return nil }
        for scalar in text.unicodeScalars where scalar != "\n" && (needsEscape(scalar) || scalar == "\t") {
            return nil
        }
        let keepsNewline = text.hasSuffix("\n")
        let body = keepsNewline ? text.dropLast() : Substring(text)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, let firstCharacter = first.unicodeScalars.first, firstCharacter != " ",
              lines.allSatisfy({ !$0.hasSuffix(" ") }), !body.hasSuffix("\n") else { return nil }
        return (keepsNewline ? "|" : "|-", lines)
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
            case _ where needsEscape(scalar): out += escape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Characters a YAML reader rejects in a stream (C0 and C1 controls, DEL, U+FFFE, U+FFFF) or
    /// reads as a line break or byte-order mark wherever they stand (NEL, LS, PS, BOM).
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

// MARK: Building trees

/// Constructors for `Node` trees built in code (generated manifests have no source, so no marks).
extension Node {
    private static let generated = SourceMark(line: 0, column: 0)

    /// A string (written quoted whenever a reader could take it for anything else).
    public static func string(_ text: String) -> Node {
        Node(.scalar(Scalar(text, isPlain: false)), mark: generated)
    }

    /// An integer, written plain.
    public static func int(_ value: Int) -> Node {
        Node(.scalar(Scalar(String(value), isPlain: true)), mark: generated)
    }

    /// A boolean, written plain.
    public static func bool(_ value: Bool) -> Node {
        Node(.scalar(Scalar(value ? "true" : "false", isPlain: true)), mark: generated)
    }

    /// A mapping with entries in the given order.
    public static func mapping(_ entries: KeyValuePairs<String, Node>) -> Node {
        Node(.mapping(entries.map { MappingEntry(key: $0.key, keyMark: generated, value: $0.value) }), mark: generated)
    }

    /// A mapping with entries in the given order.
    public static func mapping(_ entries: [(key: String, value: Node)]) -> Node {
        Node(.mapping(entries.map { MappingEntry(key: $0.key, keyMark: generated, value: $0.value) }), mark: generated)
    }

    /// A mapping of strings (labels, annotations, data) in the given order.
    public static func strings(_ entries: [(key: String, value: String)]) -> Node {
        mapping(entries.map { (key: $0.key, value: Node.string($0.value)) })
    }

    /// A sequence.
    public static func sequence(_ items: [Node]) -> Node {
        Node(.sequence(items), mark: generated)
    }

    /// A sequence of strings.
    public static func strings(_ items: [String]) -> Node {
        sequence(items.map(string))
    }
}
