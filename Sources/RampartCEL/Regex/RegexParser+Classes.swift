/// Bracket classes: `[a-z]`, `[^\d]`, `[[:alpha:]]`, `[\p{Greek}x]`.
extension RegexParser {
    /// The bracket class at `position` (a `[`).
    mutating func parseBracketClass() throws(RegexSyntaxError) {
        let start = position
        position += 1
        let negated = scalar(at: position) == "^"
        if negated { position += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var items: [ScalarClassItem] = []
        var first = true  // `]` first in the class is a literal
        while position >= pattern.count || pattern[position] != "]" || first {
            first = false
            if let item = try parsePOSIXClass() {
                items.append(item)
                continue
            }
            if scalar(at: position) == "\\", let letter = scalar(at: position + 1) {
                if letter == "p" || letter == "P" {
                    items.append(try parseUnicodeClass())
                    continue
                }
                if let item = NamedClasses.perl(letter) {
                    items.append(item)
                    position += 2
                    continue
                }
            }
            let rangeStart = position
            let low = try parseClassScalar(classStart: start)
            var high = low
            if scalar(at: position) == "-", let after = scalar(at: position + 1), after != "]" {
                position += 1
                high = try parseClassScalar(classStart: start)
                if high < low { throw RegexSyntaxError(.invalidCharacterRange, text(rangeStart..<position)) }
            }
            ranges.append(low...high)
        }
        position += 1
        if !ranges.isEmpty { items.insert(ScalarClassItem(set: .normalized(ranges), negated: false), at: 0) }
        try append(.scalarClass(ScalarClass(items: items, negated: negated, foldCase: flags.foldCase)))
    }

    /// `[:name:]` at `position`, if there is one; an error if the name is unknown.
    private mutating func parsePOSIXClass() throws(RegexSyntaxError) -> ScalarClassItem? {
        // Without a `:]` further on, `[:` is two literals; checking that first keeps `[[:[[:[[:...` linear.
        guard scalar(at: position) == "[", scalar(at: position + 1) == ":", position + 2 < pattern.count,
              let lastClose = lastPOSIXClose, lastClose >= position + 2 else {
            return nil
        }
        var colon = position + 2
        while colon + 1 < pattern.count, !(pattern[colon] == ":" && pattern[colon + 1] == "]") { colon += 1 }
        guard colon + 1 < pattern.count else { return nil }
        guard let item = NamedClasses.posix(text(position + 2..<colon)) else {
            throw RegexSyntaxError(.invalidCharacterRange, text(position..<colon + 2))
        }
        position = colon + 2
        return item
    }

    /// One scalar of a class, escaped or not.
    private mutating func parseClassScalar(classStart: Int) throws(RegexSyntaxError) -> UInt32 {
        guard let next = scalar(at: position) else {
            throw RegexSyntaxError(.missingBracket, text(classStart..<pattern.count))
        }
        if next == "\\" { return try parseEscape() }
        position += 1
        return next.value
    }
}
