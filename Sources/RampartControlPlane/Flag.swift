import RampartModel

/// One command-line flag as written in a manifest: `--name=value`, `--name value` or a bare `--name`,
/// with the path of the `command`/`args` item (or `env` value) that holds it, so findings point at its line.
public struct Flag: Sendable {
    /// The name without dashes (`enable-admission-plugins`).
    public var name: String
    /// The value; nil for a bare flag (`--profiling`, which Go reads as `true`).
    public var value: String?
    /// Where the flag is written.
    public var path: FieldPath

    public init(name: String, value: String?, path: FieldPath) {
        self.name = name
        self.value = value
        self.path = path
    }

    /// The flag as Go's `strconv.ParseBool` reads it; a bare flag is `true`; nil when not a boolean.
    public var bool: Bool? {
        guard let value else { return true }
        switch value {
        case "1", "t", "T", "true", "TRUE", "True": return true
        case "0", "f", "F", "false", "FALSE", "False": return false
        default: return nil
        }
    }

    /// The value as an integer, if it is one.
    public var int: Int? { value.flatMap { Int($0.trimmedWhitespace) } }

    /// The comma-separated items of the value (empty items dropped, whitespace trimmed).
    public var items: [String] {
        (value ?? "").split(separator: ",").map(\.trimmedWhitespace).filter { !$0.isEmpty }
    }

    /// How the flag reads in a message: `--name=value`.
    public var display: String {
        guard let value else { return "--\(name)" }
        return "--\(name)=\(value)"
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks (the engine needs no Foundation).
    var trimmedWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
