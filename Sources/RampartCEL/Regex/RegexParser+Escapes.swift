/// Backslash sequences and `(?...)` groups.
extension RegexParser {
    /// A backslash outside a class: an assertion, `\Q...\E`, a Perl or Unicode class, or an escaped scalar.
    mutating func parseBackslash() throws(RegexSyntaxError) {
        let start = position
        guard let next = scalar(at: start + 1) else { throw RegexSyntaxError(.trailingBackslash, "") }
        switch next {
        case "A":
            try appendAssertion(.beginText)
        case "z":
            try appendAssertion(.endText)
        case "b":
            try appendAssertion(.wordBoundary)
        case "B":
            try appendAssertion(.notWordBoundary)
        case "C":
            throw RegexSyntaxError(.invalidEscape, text(start..<start + 2))
        case "Q":
            try parseQuotedLiteral()
        case "p", "P":
            let item = try parseUnicodeClass()
            try append(.scalarClass(ScalarClass(items: [item], negated: false, foldCase: flags.foldCase)))
        default:
            if let item = NamedClasses.perl(next) {
                try append(.scalarClass(ScalarClass(items: [item], negated: false, foldCase: flags.foldCase)))
                position += 2
            } else {
                try appendLiteral(try parseEscape())
            }
        }
    }

    private mutating func appendAssertion(_ assertion: RegexAssertion) throws(RegexSyntaxError) {
        try append(.assertion(assertion))
        position += 2
    }

    /// `\Q...\E`: everything up to `\E` (or the end of the pattern) is literal.
    private mutating func parseQuotedLiteral() throws(RegexSyntaxError) {
        position += 2
        while position < pattern.count {
            if pattern[position] == "\\", scalar(at: position + 1) == "E" {
                position += 2
                return
            }
            try appendLiteral(pattern[position].value)
            position += 1
        }
    }

    /// An escaped scalar at `position` (a backslash): `\n`, `\x41`, `\x{10FFFF}`, `\101`, `\*`, ...
    mutating func parseEscape() throws(RegexSyntaxError) -> UInt32 {
        let start = position
        guard let escaped = scalar(at: start + 1) else { throw RegexSyntaxError(.trailingBackslash, "") }
        position = start + 2
        switch escaped {
        case "1"..."7" where scalar(at: position).map(Self.isOctalDigit) != true:
            break  // a backreference, which RE2 does not support
        case "0"..."7":
            var value = escaped.value - 0x30
            for _ in 1..<3 {
                guard let digit = scalar(at: position), Self.isOctalDigit(digit) else { break }
                value = value * 8 + digit.value - 0x30
                position += 1
            }
            return value
        case "x":
            if let value = parseHexadecimalEscape() { return value }
        case "a": return 0x07
        case "f": return 0x0C
        case "n": return 0x0A
        case "r": return 0x0D
        case "t": return 0x09
        case "v": return 0x0B
        default:
            if escaped.isASCII && !Self.isAlphanumeric(escaped) { return escaped.value }
        }
        throw RegexSyntaxError(.invalidEscape, text(start..<position))
    }

    /// The rest of `\x41` or `\x{41}` from `position` (after the `x`); nil if malformed, with `position` after
    /// what was read, as Go reports it.
    private mutating func parseHexadecimalEscape() -> UInt32? {
        guard let first = scalar(at: position) else { return nil }
        position += 1
        if first == "{" {
            var value: UInt32 = 0
            var digits = 0
            while let next = scalar(at: position) {
                position += 1
                if next == "}" { return digits > 0 ? value : nil }
                guard let digit = Self.hexadecimalValue(next) else { return nil }
                value = value * 16 + digit
                if value > 0x10FFFF { return nil }
                digits += 1
            }
            return nil
        }
        let high = Self.hexadecimalValue(first)
        guard let second = scalar(at: position) else { return nil }
        position += 1
        guard let high, let low = Self.hexadecimalValue(second) else { return nil }
        return high * 16 + low
    }

    /// `\pN`, `\p{Name}`, `\PN`, `\P{Name}`, `\p{^Name}` at `position` (a backslash).
    mutating func parseUnicodeClass() throws(RegexSyntaxError) -> ScalarClassItem {
        let start = position
        var negated = scalar(at: start + 1) == "P"
        guard let first = scalar(at: start + 2) else { throw RegexSyntaxError(.invalidCharacterRange, text(start..<start + 2)) }
        var name: String
        let end: Int
        if first != "{" {
            name = String(first)
            end = start + 3
        } else {
            guard let close = pattern[(start + 3)...].firstIndex(of: "}") else {
                throw RegexSyntaxError(.invalidCharacterRange, text(start..<pattern.count))
            }
            name = text(start + 3..<close)
            end = close + 1
        }
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        guard let set = NamedClasses.unicode(name) else {
            throw RegexSyntaxError(.invalidCharacterRange, text(start..<end))
        }
        position = end
        return ScalarClassItem(set: set, negated: negated)
    }

    /// `(?` at `position`: a named capture, a non-capturing group with flags, or a flag change.
    mutating func parseGroupOpening() throws(RegexSyntaxError) {
        let start = position
        let namedWithP = scalar(at: start + 2) == "P" && scalar(at: start + 3) == "<" && start + 4 < pattern.count
        let named = scalar(at: start + 2) == "<" && start + 3 < pattern.count
        if namedWithP || named {
            guard let close = pattern[start...].firstIndex(of: ">") else {
                throw RegexSyntaxError(.invalidNamedCapture, text(start..<pattern.count))
            }
            let name = text((namedWithP ? start + 4 : start + 3)..<close)
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0 == "_" || Self.isAlphanumeric($0) }) else {
                throw RegexSyntaxError(.invalidNamedCapture, text(start..<close + 1))
            }
            openCapture(named: name)
            position = close + 1
            return
        }
        var newFlags = flags
        var negating = false
        var sawFlag = false
        position = start + 2
        while let next = scalar(at: position) {
            position += 1
            switch next {
            case "i": newFlags.foldCase = !negating
            case "m": newFlags.multiLine = !negating
            case "s": newFlags.dotMatchesNewline = !negating
            case "U": newFlags.ungreedy = !negating
            case "-":
                if negating { throw RegexSyntaxError(.invalidPerlSyntax, text(start..<position)) }
                negating = true
                sawFlag = false
                continue
            case ":", ")":
                if negating && !sawFlag { throw RegexSyntaxError(.invalidPerlSyntax, text(start..<position)) }
                if next == ":" { groups.append(OpenGroup(kind: .nonCapturing, flagsOutside: flags)) }
                flags = newFlags
                return
            default:
                throw RegexSyntaxError(.invalidPerlSyntax, text(start..<position))
            }
            sawFlag = true
        }
        throw RegexSyntaxError(.invalidPerlSyntax, text(start..<position))
    }

    static func isOctalDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."7").contains(scalar) }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
    }

    static func hexadecimalValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f": return scalar.value - 0x61 + 10
        case "A"..."F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }
}
