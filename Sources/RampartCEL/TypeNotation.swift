extension CELType {
    /// Parses CEL type notation: `int`, `list(string)`, `map(string, dyn)`, `type(int)`, `optional_type(A)`,
    /// `google.protobuf.Timestamp`, `net.IP`. A name of one capital letter (or starting with `_`) is a
    /// type parameter. Nil when the text is malformed.
    public init?(notation: String) {
        var parser = TypeNotationParser(text: Array(notation.unicodeScalars))
        guard let type = parser.parseType(), parser.atEnd else { return nil }
        self = type
    }
}

private struct TypeNotationParser {
    let text: [Unicode.Scalar]
    var position = 0

    var atEnd: Bool {
        var end = position
        while end < text.count, text[end] == " " { end += 1 }
        return end == text.count
    }

    mutating func skipSpaces() {
        while position < text.count, text[position] == " " { position += 1 }
    }

    mutating func parseType() -> CELType? {
        skipSpaces()
        var name = ""
        while position < text.count,
              text[position].isIdentifierStart || text[position].isASCIIDigit || text[position] == "." {
            name.unicodeScalars.append(text[position])
            position += 1
        }
        guard !name.isEmpty else { return nil }
        var parameters: [CELType] = []
        skipSpaces()
        if position < text.count, text[position] == "(" {
            position += 1
            while true {
                guard let parameter = parseType() else { return nil }
                parameters.append(parameter)
                skipSpaces()
                guard position < text.count else { return nil }
                position += 1
                if text[position - 1] == ")" { break }
                guard text[position - 1] == "," else { return nil }
            }
        }
        return Self.build(name, parameters)
    }

    static func build(_ name: String, _ p: [CELType]) -> CELType? {
        switch (name, p.count) {
        case ("list", 1): return .list(p[0])
        case ("map", 2): return .map(p[0], p[1])
        case ("type", 0): return .type(nil)
        case ("type", 1): return .type(p[0])
        case ("optional_type", 1): return .optional(p[0])
        case ("timestamp", 0): return .timestamp
        case ("duration", 0): return .duration
        case ("list", _), ("map", _), ("type", _), ("optional_type", _): return nil
        default: break
        }
        if p.isEmpty {
            if let named = CELType.named[name], name != "list", name != "map", name != "optional_type" { return named }
            let isParameter = (name.count == 1 && name.first?.isUppercase == true) || name.hasPrefix("_")
            if isParameter { return .parameter(name) }
        }
        return .opaque(name, p)
    }
}
