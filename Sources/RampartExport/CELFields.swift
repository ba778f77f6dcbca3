/// CEL text that reads an object the way Rampart's rules read YAML: a field missing, null, or under
/// something that is not a mapping reads as null, never as an evaluation error.
enum CELFields {
    /// `base.a.b` when every step is a mapping that has the key, else null (`path` is dotted field names).
    static func field(_ base: String, _ path: String) -> String {
        var conditions: [String] = []
        var current = base
        for key in path.split(separator: ".") {
            conditions.append("type(\(current)) == map && has(\(current).\(key))")
            current += ".\(key)"
        }
        return "(\(conditions.joined(separator: " && ")) ? \(current) : null)"
    }

    /// The items of the list at `base.path`, or an empty list when it is missing or not a list.
    static func list(_ base: String, _ path: String) -> String {
        let value = field(base, path)
        return "(type(\(value)) == list ? \(value) : [])"
    }

    /// The string at `base.path`, or `fallback` when it is missing or not a string.
    static func string(_ base: String, _ path: String, or fallback: String = "''") -> String {
        let value = field(base, path)
        return "(type(\(value)) == string ? \(value) : \(fallback))"
    }

    /// True when `value` (a CEL expression) is a YAML scalar other than null: Rampart reads any
    /// scalar as text, and a missing field, null, a mapping or a list as no text.
    static func isScalar(_ value: String) -> String {
        "(\(value) != null && type(\(value)) != map && type(\(value)) != list)"
    }

    /// The container's name for messages.
    static func name(_ container: String) -> String {
        string(container, "name")
    }

    /// `text` as a CEL list of string literals.
    static func strings<S: Sequence<String>>(_ texts: S) -> String {
        "[" + texts.map(PolicyYAML.celString).joined(separator: ", ") + "]"
    }
}
