/// The named classes of RE2 syntax: Perl (`\d`), POSIX (`[:alpha:]`) and Unicode (`\pL`, `\p{Greek}`).
enum NamedClasses {
    /// `\d`, `\s`, `\w` (ASCII only, as in RE2); the upper-case letters are their negations.
    static func perl(_ letter: Unicode.Scalar) -> ScalarClassItem? {
        let set: ScalarSet
        switch letter {
        case "d", "D": set = .ranges([0x30...0x39])
        case "s", "S": set = .ranges([0x09...0x0A, 0x0C...0x0D, 0x20...0x20])
        case "w", "W": set = word
        default: return nil
        }
        return ScalarClassItem(set: set, negated: letter.properties.isUppercase)
    }

    /// `[:name:]` or `[:^name:]` by the text between the colons.
    static func posix(_ name: String) -> ScalarClassItem? {
        let negated = name.hasPrefix("^")
        guard let set = posixSets[negated ? String(name.dropFirst()) : name] else { return nil }
        return ScalarClassItem(set: set, negated: negated)
    }

    /// `\p{name}`: `Any`, a general category (`L`, `Lu`, …) or a script (`Greek`, …), with Go's exact names.
    static func unicode(_ name: String) -> ScalarSet? {
        if name == "Any" { return .ranges([0...0x10FFFF]) }
        if let categories = categories[name] { return .categories(categories) }
        if UnicodeScripts.names.contains(name) { return .ranges(UnicodeScripts.ranges(of: name)) }
        return nil
    }

    private static let word = ScalarSet.ranges([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])

    private static let posixSets: [String: ScalarSet] = [
        "alnum": .ranges([0x30...0x39, 0x41...0x5A, 0x61...0x7A]),
        "alpha": .ranges([0x41...0x5A, 0x61...0x7A]),
        "ascii": .ranges([0x00...0x7F]),
        "blank": .ranges([0x09...0x09, 0x20...0x20]),
        "cntrl": .ranges([0x00...0x1F, 0x7F...0x7F]),
        "digit": .ranges([0x30...0x39]),
        "graph": .ranges([0x21...0x7E]),
        "lower": .ranges([0x61...0x7A]),
        "print": .ranges([0x20...0x7E]),
        "punct": .ranges([0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E]),
        "space": .ranges([0x09...0x0D, 0x20...0x20]),
        "upper": .ranges([0x41...0x5A]),
        "word": word,
        "xdigit": .ranges([0x30...0x39, 0x41...0x46, 0x61...0x66]),
    ]

    /// Go's `unicode.Categories` (which has no `Cn`: `C` is control, format, private use and surrogates).
    private static let categories: [String: [Unicode.GeneralCategory]] = {
        let groups: [String: [(String, Unicode.GeneralCategory)]] = [
            "C": [("Cc", .control), ("Cf", .format), ("Co", .privateUse), ("Cs", .surrogate)],
            "L": [("Ll", .lowercaseLetter), ("Lm", .modifierLetter), ("Lo", .otherLetter), ("Lt", .titlecaseLetter),
                  ("Lu", .uppercaseLetter)],
            "M": [("Mc", .spacingMark), ("Me", .enclosingMark), ("Mn", .nonspacingMark)],
            "N": [("Nd", .decimalNumber), ("Nl", .letterNumber), ("No", .otherNumber)],
            "P": [("Pc", .connectorPunctuation), ("Pd", .dashPunctuation), ("Pe", .closePunctuation),
                  ("Pf", .finalPunctuation), ("Pi", .initialPunctuation), ("Po", .otherPunctuation),
                  ("Ps", .openPunctuation)],
            "S": [("Sc", .currencySymbol), ("Sk", .modifierSymbol), ("Sm", .mathSymbol), ("So", .otherSymbol)],
            "Z": [("Zl", .lineSeparator), ("Zp", .paragraphSeparator), ("Zs", .spaceSeparator)],
        ]
        var table: [String: [Unicode.GeneralCategory]] = [:]
        for (major, minors) in groups {
            table[major] = minors.map(\.1)
            for (name, category) in minors { table[name] = [category] }
        }
        return table
    }()
}
