/// Writes `YAMLValue`s as block-style YAML documents, the way `kubectl get -o yaml` lays them out.
struct YAMLWriter {
    private(set) var text = ""

    /// Appends one document, introduced by `---`.
    mutating func document(_ root: YAMLValue) {
        text += "---\n"
        switch root {
        case .mapping(let entries) where !entries.isEmpty:
            mapping(entries, indent: 0, continuesLine: false)
        case .sequence(let items) where !items.isEmpty:
            sequence(items, indent: 0)
        default:
            value(root, indent: 0)
        }
    }

    /// Hands out the text written so far and starts afresh.
    mutating func take() -> String {
        defer { text = "" }
        return text
    }

    private mutating func mapping(_ entries: [(String, YAMLValue)], indent: Int, continuesLine: Bool) {
        for (index, (key, value)) in entries.enumerated() {
            if index > 0 || !continuesLine { pad(indent) }
            text += Self.scalar(key)
            text += ":"
            nested(value, indent: indent, sequenceIndent: indent)
        }
    }

    private mutating func sequence(_ items: [YAMLValue], indent: Int) {
        for item in items {
            pad(indent)
            text += "-"
            switch item {
            case .mapping(let entries) where !entries.isEmpty:
                text += " "
                mapping(entries, indent: indent + 2, continuesLine: true)
            default:
                nested(item, indent: indent, sequenceIndent: indent + 2)
            }
        }
    }

    /// Writes what follows a `key:` or a `-`: inline scalars, or an indented collection.
    private mutating func nested(_ value: YAMLValue, indent: Int, sequenceIndent: Int) {
        switch value {
        case .mapping(let entries) where !entries.isEmpty:
            text += "\n"
            mapping(entries, indent: indent + 2, continuesLine: false)
        case .sequence(let items) where !items.isEmpty:
            text += "\n"
            sequence(items, indent: sequenceIndent)
        case .block(let body):
            text += " |\n"
            for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
                pad(indent + 2)
                text += line
                text += "\n"
            }
        default:
            text += " "
            self.value(value, indent: indent)
        }
    }

    private mutating func value(_ value: YAMLValue, indent: Int) {
        switch value {
        case .mapping: text += "{}\n"
        case .sequence: text += "[]\n"
        case .string(let string), .block(let string): text += Self.scalar(string) + "\n"
        case .integer(let number): text += String(number) + "\n"
        case .boolean(let flag): text += (flag ? "true" : "false") + "\n"
        }
    }

    private mutating func pad(_ count: Int) {
        text += String(repeating: " ", count: count)
    }

    /// Words that a YAML 1.1 or 1.2 reader would not take as a plain string.
    private static let reserved: Set<String> = [
        "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    ]

    /// The string as a plain scalar when that reads back as the same string, else double-quoted.
    static func scalar(_ string: String) -> String {
        if isPlainSafe(string) { return string }
        var quoted = "\""
        for character in string.unicodeScalars {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.unicodeScalars.append(character)
            }
        }
        return quoted + "\""
    }

    private static func isPlainSafe(_ string: String) -> Bool {
        guard !reserved.contains(string), let first = string.unicodeScalars.first else { return false }
        let firstIsSafe = (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") || first == "/"
        guard firstIsSafe else { return false }
        if string.hasSuffix(":") || string.hasSuffix(" ") || string.contains(": ") || string.contains(" #") { return false }
        return string.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || "._/-:@=+ ()*,".unicodeScalars.contains(scalar)
        }
    }
}
