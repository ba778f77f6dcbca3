/// A token of CEL source text, with its offset in code points.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        case int(UInt64, hex: Bool)          // magnitude; the parser applies a leading minus
        case uint(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case trueLiteral, falseLiteral, nullLiteral, inKeyword
        case punct(String)
        case end
    }
    let kind: Kind
    let offset: Int
}

/// Splits CEL source into tokens. Errors carry the offset where they occurred.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    struct Failure: Error {
        let message: String
        let offset: Int
    }

    mutating func tokenize() throws(Failure) -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private mutating func skipSpaceAndComments() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                position += 1
            } else if c == "/" && peek(1) == "/" {
                while let d = peek(), d != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    private static let punctuation2: Set<String> = ["==", "!=", "<=", ">=", "&&", "||", ".?", "[?"]
    private static let punctuation1: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "!", "<", ">", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}",
    ]

    private mutating func next() throws(Failure) -> Token {
        skipSpaceAndComments()
        let start = position
        guard let c = peek() else { return Token(kind: .end, offset: start) }
        if c.isASCIIDigit || (c == "." && peek(1)?.isASCIIDigit == true) {
            return Token(kind: try number(), offset: start)
        }
        if c == "\"" || c == "'" {
            return Token(kind: try stringLiteral(raw: false, bytes: false), offset: start)
        }
        if c.isIdentifierStart {
            if let literal = try prefixedLiteral() { return Token(kind: literal, offset: start) }
            var name = ""
            while let d = peek(), d.isIdentifierStart || d.isASCIIDigit {
                name.unicodeScalars.append(d)
                position += 1
            }
            switch name {
            case "true": return Token(kind: .trueLiteral, offset: start)
            case "false": return Token(kind: .falseLiteral, offset: start)
            case "null": return Token(kind: .nullLiteral, offset: start)
            case "in": return Token(kind: .inKeyword, offset: start)
            default: return Token(kind: .identifier(name), offset: start)
            }
        }
        if c == "`" {
            position += 1
            var name = ""
            while let d = peek(), d != "`" {
                guard d.isASCII, d.isIdentifierStart || d.isASCIIDigit || d == "." || d == "-" || d == "/" || d == " " else {
                    throw Failure(message: "invalid character in quoted identifier", offset: position)
                }
                name.unicodeScalars.append(d)
                position += 1
            }
            guard peek() == "`", !name.isEmpty else { throw Failure(message: "unterminated quoted identifier", offset: start) }
            position += 1
            return Token(kind: .identifier("`" + name), offset: start)
        }
        if let d = peek(1) {
            let pair = String(String.UnicodeScalarView([c, d]))
            if Self.punctuation2.contains(pair) {
                position += 2
                return Token(kind: .punct(pair), offset: start)
            }
        }
        if Self.punctuation1.contains(c) {
            position += 1
            return Token(kind: .punct(String(c)), offset: start)
        }
        throw Failure(message: "token recognition error at: '\(c)'", offset: start)
    }

    /// `r'...'`, `b'...'`, `br'...'`, `Rb"..."`: a string or bytes literal with prefixes.
    private mutating func prefixedLiteral() throws(Failure) -> Token.Kind? {
        var raw = false, bytes = false, length = 0
        while length < 2, let p = peek(length) {
            if (p == "r" || p == "R") && !raw { raw = true } else if (p == "b" || p == "B") && !bytes { bytes = true } else { break }
            length += 1
        }
        guard length > 0, let quote = peek(length), quote == "\"" || quote == "'" else { return nil }
        position += length
        return try stringLiteral(raw: raw, bytes: bytes)
    }

    private mutating func stringLiteral(raw: Bool, bytes: Bool) throws(Failure) -> Token.Kind {
        let start = position
        guard let quote = peek() else { throw Failure(message: "unterminated string", offset: start) }
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var out: [UInt8] = []
        var text = String.UnicodeScalarView()
        func append(_ scalar: Unicode.Scalar) {
            if bytes { out.append(contentsOf: Array(String(scalar).utf8)) } else { text.append(scalar) }
        }
        while true {
            guard let c = peek() else { throw Failure(message: "unterminated string literal", offset: start) }
            if c == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
                position += triple ? 3 : 1
                break
            }
            if !triple && (c == "\n" || c == "\r") {
                throw Failure(message: "newline in a single-quoted string literal", offset: position)
            }
            if c == "\\" {
                if raw {
                    // A raw literal keeps the backslash; it still cannot end at an escaped quote.
                    append(c)
                    position += 1
                    if let d = peek(), d == quote || d == "\\" {
                        append(d)
                        position += 1
                    }
                    continue
                }
                try escape(bytes: bytes, into: &out, text: &text)
                continue
            }
            append(c)
            position += 1
        }
        return bytes ? .bytes(out) : .string(String(text))
    }

    private mutating func escape(bytes: Bool, into out: inout [UInt8], text: inout String.UnicodeScalarView) throws(Failure) {
        let start = position
        position += 1
        guard let c = peek() else { throw Failure(message: "unterminated escape", offset: start) }
        position += 1
        func simple(_ scalar: Unicode.Scalar) {
            if bytes { out.append(UInt8(scalar.value)) } else { text.append(scalar) }
        }
        switch c {
        case "\\": simple("\\")
        case "?": simple("?")
        case "\"": simple("\"")
        case "'": simple("'")
        case "`": simple("`")
        case "a": simple("\u{07}")
        case "b": simple("\u{08}")
        case "f": simple("\u{0C}")
        case "n": simple("\n")
        case "r": simple("\r")
        case "t": simple("\t")
        case "v": simple("\u{0B}")
        case "x", "X", "u", "U":
            let digits = c == "x" || c == "X" ? 2 : c == "u" ? 4 : 8
            if bytes && digits != 2 { throw Failure(message: "invalid escape in bytes literal", offset: start) }
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let d = peek(), let h = d.hexValue else { throw Failure(message: "invalid escape sequence", offset: start) }
                value = value * 16 + h
                position += 1
            }
            if bytes {
                out.append(UInt8(value))
            } else {
                guard let scalar = Unicode.Scalar(value) else { throw Failure(message: "invalid code point in escape", offset: start) }
                text.append(scalar)
            }
        case "0"..."3":
            var value = c.value - 48
            for _ in 0..<2 {
                guard let d = peek(), d >= "0", d <= "7" else { throw Failure(message: "invalid octal escape", offset: start) }
                value = value * 8 + d.value - 48
                position += 1
            }
            if bytes {
                out.append(UInt8(value))
            } else if let scalar = Unicode.Scalar(value) {
                text.append(scalar)
            }
        default:
            throw Failure(message: "invalid escape sequence '\\\(c)'", offset: start)
        }
    }

    private mutating func number() throws(Failure) -> Token.Kind {
        let start = position
        if peek() == "0", let x = peek(1), x == "x" || x == "X" {
            position += 2
            var value: UInt64 = 0
            var any = false
            while let d = peek(), let h = d.hexValue {
                let (m, o1) = value.multipliedReportingOverflow(by: 16)
                let (s, o2) = m.addingReportingOverflow(UInt64(h))
                if o1 || o2 { throw Failure(message: "invalid int literal", offset: start) }
                value = s
                any = true
                position += 1
            }
            guard any else { throw Failure(message: "invalid hex literal", offset: start) }
            if let u = peek(), u == "u" || u == "U" {
                position += 1
                return .uint(value)
            }
            return .int(value, hex: true)
        }
        var text = ""
        var isDouble = false
        while let d = peek(), d.isASCIIDigit {
            text.unicodeScalars.append(d)
            position += 1
        }
        if peek() == ".", let d = peek(1), d.isASCIIDigit {
            isDouble = true
            text.append(".")
            position += 1
            while let d = peek(), d.isASCIIDigit {
                text.unicodeScalars.append(d)
                position += 1
            }
        }
        if let e = peek(), e == "e" || e == "E" {
            var ahead = 1
            if let s = peek(1), s == "+" || s == "-" { ahead = 2 }
            if let d = peek(ahead), d.isASCIIDigit {
                isDouble = true
                text.append("e")
                if ahead == 2, let s = peek(1) { text.unicodeScalars.append(s) }
                position += ahead
                while let d = peek(), d.isASCIIDigit {
                    text.unicodeScalars.append(d)
                    position += 1
                }
            }
        }
        if isDouble {
            guard let value = Double(text.hasPrefix(".") ? "0" + text : text) else {
                throw Failure(message: "invalid double literal", offset: start)
            }
            return .double(value)
        }
        guard let value = UInt64(text) else { throw Failure(message: "invalid int literal", offset: start) }
        if let u = peek(), u == "u" || u == "U" {
            position += 1
            return .uint(value)
        }
        return .int(value, hex: false)
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 48 && value <= 57 }
    var isIdentifierStart: Bool {
        (value >= 65 && value <= 90) || (value >= 97 && value <= 122) || value == 95
    }
    var hexValue: UInt32? {
        switch value {
        case 48...57: value - 48
        case 65...70: value - 55
        case 97...102: value - 87
        default: nil
        }
    }
}
