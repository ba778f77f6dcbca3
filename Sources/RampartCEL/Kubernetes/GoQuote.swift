/// Go's `strconv.Quote` (and `fmt`'s `%q` for strings): the form in which Kubernetes and Go's parsers
/// quote the offending input inside their error messages.
enum GoQuote {
    /// `text` in double quotes, with `"` and `\` escaped, printable characters kept, and the rest
    /// written as `\n`-style, `\xHH`, `\uHHHH` or `\UHHHHHHHH` escapes.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            append(scalar, to: &result)
        }
        result.append("\"")
        return result
    }

    /// `bytes` quoted the same way, read as UTF-8 as Go reads a string: a byte that does not begin a
    /// valid UTF-8 sequence is written as `\xHH`.
    static func quote(bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var result = "\""
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            if length > 0, index + length <= bytes.count,
               let decoded = String(validating: bytes[index..<(index + length)], as: UTF8.self),
               let scalar = decoded.unicodeScalars.first {
                append(scalar, to: &result)
                index += length
            } else {
                result.append("\\x" + hex(UInt32(lead), width: 2))
                index += 1
            }
        }
        result.append("\"")
        return result
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        switch scalar {
        case "\"": result.append("\\\"")
        case "\\": result.append("\\\\")
        case "\u{07}": result.append("\\a")
        case "\u{08}": result.append("\\b")
        case "\u{0C}": result.append("\\f")
        case "\n": result.append("\\n")
        case "\r": result.append("\\r")
        case "\t": result.append("\\t")
        case "\u{0B}": result.append("\\v")
        default:
            if isPrint(scalar) {
                result.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                result.append("\\x" + hex(scalar.value, width: 2))
            } else if scalar.value < 0x10000 {
                result.append("\\u" + hex(scalar.value, width: 4))
            } else {
                result.append("\\U" + hex(scalar.value, width: 8))
            }
        }
    }

    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
