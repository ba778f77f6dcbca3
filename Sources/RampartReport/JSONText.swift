/// Pretty-printed JSON written directly, byte for byte as `JSONReporter.encoder()` writes the same
/// value (sorted keys, slashes unescaped, two spaces of indentation), for the items that make up
/// nearly all of a large report: Foundation's encoder boxes every value on the way and spent a
/// third of an audit of 50,000 objects. The writers list their keys in sorted order; a test holds
/// them to the encoder's bytes on real reports.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    private var depth: Int
    /// Whether the open container has no member yet.
    private var empty = true

    /// A writer whose values stand `depth` levels deep (their lines indented as such).
    init(depth: Int = 0) {
        self.depth = depth
    }

    /// Bytes written as they are (a separator between values).
    mutating func raw(_ text: [UInt8]) {
        bytes.append(contentsOf: text)
    }

    /// An object whose members `body` writes (`key` and a value each).
    mutating func object(_ body: (inout JSONText) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// An array of `items`, each written by `write`.
    mutating func array<Item>(_ items: [Item], _ write: (inout JSONText, Item) -> Void) {
        open(UInt8(ascii: "["))
        for item in items {
            member()
            write(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    /// The next member's key (a plain name: nothing in it needs escaping); its value follows.
    mutating func key(_ name: StaticString) {
        member()
        bytes.append(Self.quote)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(Self.quote)
        Self.colon.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A member whose value is a string (null when nil) or an integer.
    mutating func pair(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func pair(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    mutating func pair(_ name: StaticString, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func string(_ value: String) {
        bytes.append(Self.quote)
        var value = value
        value.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole.
            var start = 0
            for index in utf8.indices where Self.needsEscape(utf8[index]) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(utf8[index])
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(Self.quote)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == quote || byte == backslash
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case Self.quote, Self.backslash:
            bytes.append(Self.backslash)
            bytes.append(byte)
        case 0x0A: bytes.append(contentsOf: [Self.backslash, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [Self.backslash, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [Self.backslash, UInt8(ascii: "t")])
        case 0x08: bytes.append(contentsOf: [Self.backslash, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [Self.backslash, UInt8(ascii: "f")])
        default:
            bytes.append(contentsOf: Array("\\u00".utf8))
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        empty = true
    }

    /// Ends a container as the encoder does: an empty one is a blank line between its brackets.
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if empty { bytes.append(Self.newline) }
        newline()
        bytes.append(bracket)
        empty = false
    }

    /// The separator before a member and its line.
    private mutating func member() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        newline()
    }

    private mutating func newline() {
        bytes.append(Self.newline)
        let width = 2 * depth
        if width <= Self.spaces.utf8CodeUnitCount {
            Self.spaces.withUTF8Buffer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<width])) }
        } else {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
        }
    }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let newline = UInt8(ascii: "\n")
    // Static strings, not arrays: every line of every chunk copies from these, on every core, and
    // an array's reference count bounced between the cores at each copy.
    private static let colon: StaticString = " : "
    /// The indentation of the deepest lines a report usually has, copied from at each line.
    private static let spaces: StaticString = "                                                                "
    private static let hexDigits = Array("0123456789abcdef".utf8)
}
