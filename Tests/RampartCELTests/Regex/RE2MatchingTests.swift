import Testing
@testable import RampartCEL

/// Go `regexp` semantics, with expected results from Go's own tables (`regexp/find_test.go`) and from Go 1.19
/// run on the same inputs: leftmost-first alternation, lazy repetition, empty matches in `findAll`, case
/// folding, Unicode and Perl classes, anchors with and without `(?m)`.
struct RE2MatchingTests {
    /// Every match of `pattern` in `text`, as Go's `FindAllString(text, -1)` gives them.
    static let allMatchCases: [(pattern: String, text: String, expected: [String])] = [
        ("", "", [""]),
        ("^abcdefg", "abcdefg", ["abcdefg"]),
        ("a+", "baaab", ["aaa"]),
        ("a", "bababaab", ["a", "a", "a", "a"]),
        ("abcd..", "abcdef", ["abcdef"]),
        ("x", "y", []),
        (".*", "abcdef", ["abcdef"]),
        ("^", "abcde", [""]),
        ("$", "abcde", [""]),
        ("^abcd$", "abcde", []),
        ("a*", "baaab", ["", "aaa", ""]),
        ("[^a-z]+", "ab1234cd", ["1234"]),
        (#"[a\-\]z]+"#, "az]-bcz", ["az]-", "z"]),
        (#"[^\n]+"#, "abcd\n", ["abcd"]),
        ("[日本語]+", "日本語日本語", ["日本語日本語"]),
        ("日本語+", "日本語語語語", ["日本語語語語"]),
        ("/$", "/abc/", ["/"]),
        ("/$", "/abc", []),
        (".", "abc", ["a", "b", "c"]),
        ("ab*", "abbaab", ["abb", "a", "ab"]),
        ("ab$", "abcab", ["ab"]),
        ("(aa)*$", "a", [""]),
        ("(?:.|(?:.a))", "", []),
        ("(?-s)(?:(?:^).)", "\n", []),
        ("(?s)(?:(?:^).)", "\n", ["\n"]),
        (#"\b"#, "x y", ["", "", "", ""]),
        (#"\B"#, "x y", []),
        (#"\B"#, "xx yy", ["", ""]),
        ("(|a)*", "aa", ["", "", ""]),
        ("0A|0[aA]", "0a", ["0a"]),
        ("[a-c]*", "日", ["", ""]),
        ("[^日]", "abc日def", ["a", "b", "c", "d", "e", "f"]),
        (#"[^\S\s]"#, "abcd", []),
        (#"[^\D\d]"#, "abcd", []),
        (#"[^\D[:digit:]]"#, "abcd", []),
        (#"(?i)\W"#, "k", []),
        (#"(?i)\W"#, "s", []),
        (##"\!\"\#\$\%\&\'\(\)\*\+\,\-\.\/\:\;\<\=\>\?\@\[\\\]\^\_\{\|\}\~"##, ##"!"#$%&'()*+,-./:;<=>?@[\]^_{|}~"##,
         [##"!"#$%&'()*+,-./:;<=>?@[\]^_{|}~"##]),
        // Multi-line anchors: `^` after every newline, `$` before.
        ("(?m)^", "a\nb\n", ["", "", ""]),
        ("(?m)$", "a\nb", ["", ""]),
        ("(?m)^b$", "a\nb\nc", ["b"]),
        ("^b$", "a\nb\nc", []),
        ("(?m)\\Ab", "a\nb", []),
    ]

    @Test(arguments: allMatchCases)
    func allMatches(pattern: String, text: String, expected: [String]) throws {
        let regex = try RE2Regex(pattern)
        // Later searches may be answered "none" by the ASCII automaton: the same answers either way.
        for _ in 0...LazyMatchAutomaton.usesBeforeBuilding {
            #expect(regex.allMatches(in: text).map(String.init) == expected)
            #expect(regex.firstMatch(in: text).map(String.init) == expected.first)
        }
    }

    /// The first match and its groups, as Go's `FindStringSubmatch` gives them (nil: the group took no part).
    static let groupCases: [(pattern: String, text: String, expected: [String?])] = [
        ("()", "", ["", ""]),
        ("(.)(.)", "日a", ["日a", "日", "a"]),
        ("(([^xyz]*)(d))", "abcd", ["abcd", "abcd", "abc", "d"]),
        ("((a|b|c)*(d))", "abcd", ["abcd", "abcd", "c", "d"]),
        ("(((a|b|c)*)(d))", "abcd", ["abcd", "abcd", "abc", "c", "d"]),
        ("a*(|(b))c*", "aacc", ["aacc", "", nil]),
        ("(.*).*", "ab", ["ab", "ab"]),
        ("(a){0}", "", ["", nil]),
        ("da(.)a$", "daXY data", ["data", "t"]),
        // Leftmost-first: the first alternative that leads to a match wins, not the longest.
        ("(a|ab)(c|bcd)(d*)", "abcd", ["abcd", "a", "bcd", ""]),
        ("(fo|foo)", "foo", ["fo", "fo"]),
        ("(foo|fo)", "foo", ["foo", "foo"]),
        // Lazy repetition prefers fewer, (?U) swaps.
        ("(a+?)(a*)", "aaa", ["aaa", "a", "aa"]),
        ("<(.+?)>", "<a><b>", ["<a>", "a"]),
        ("(a{2,3}?)", "aaaa", ["aa", "aa"]),
        ("(?U)(a+)", "aaa", ["a", "a"]),
        ("(?U)(a+?)", "aaa", ["aaa", "aaa"]),
        ("(a??)b", "ab", ["ab", "a"]),
        // Named groups number like the others.
        ("(?P<first>\\w+) (?<last>\\w+)", "Ada Lovelace", ["Ada Lovelace", "Ada", "Lovelace"]),
    ]

    @Test(arguments: groupCases)
    func groups(pattern: String, text: String, expected: [String?]) throws {
        let groups = try RE2Regex(pattern).firstMatchGroups(in: text)
        #expect(groups?.map { $0.map(String.init) } == expected)
    }

    @Test func groupNamesAreReported() throws {
        let regex = try RE2Regex("(?P<first>a)(b)(?<third>c)")
        #expect(regex.captureNames == [nil, "first", nil, "third"])
        #expect(regex.captureCount == 3)
    }

    /// `text.matches(pattern)`: case folding, classes and escapes.
    static let matchesCases: [(pattern: String, text: String, expected: Bool)] = [
        // (?i) folds by Unicode simple case folding orbits.
        ("(?i)k", "\u{212A}", true),  // Kelvin sign
        ("(?i)K", "k", true),
        ("(?i)σ", "ς", true),
        ("(?i)Σ", "σ", true),
        ("(?i)s", "ſ", true),
        ("(?i)[a-z]+$", "HeLLo", true),
        ("(?i)\\w", "ſ", true),
        ("\\w", "ſ", false),
        ("(?i:a)b", "Ab", true),
        ("(?i:a)b", "AB", false),
        ("a(?i)b", "aB", true),
        ("a(?i)b", "AB", false),
        ("(?i)\\p{Lu}", "é", true),
        ("(?i)\\P{Lu}", "a", false),
        ("(?i)[^k]", "\u{212A}", false),
        ("(?i)ı", "i", false),  // dotless i folds only under Turkic rules
        // Unicode classes.
        ("^\\pL+$", "héllo", true),
        ("^\\pL+$", "hé llo", false),
        ("\\p{Greek}", "abc αβγ", true),
        ("\\p{Greek}", "abc", false),
        ("^\\P{Greek}+$", "abc", true),
        ("^\\p{^Greek}+$", "abcα", false),
        ("\\p{Cyrillic}", "Привет", true),
        ("\\p{Han}", "漢字", true),
        ("\\p{Latin}", "αβγ", false),
        ("\\pN", "Ⅻ", true),
        ("\\p{Lu}", "É", true),
        ("\\p{Lu}", "é", false),
        ("[\\p{Greek}\\d]", "7", true),
        ("\\p{Any}", "😀", true),
        ("\\pC", "\u{7}", true),
        // Perl classes are ASCII only; POSIX classes too.
        ("\\d", "٣", false),
        ("\\s", "\u{A0}", false),
        ("\\s", "\u{B}", false),
        ("[[:space:]]", "\u{B}", true),
        ("\\w", "é", false),
        ("^[[:alpha:]]+$", "abcXYZ", true),
        ("^[[:^alpha:]]+$", "123", true),
        ("^[[:word:]]+$", "a_1", true),
        ("[[:xdigit:]]", "g", false),
        // `.` is one scalar and not a newline unless (?s).
        ("^.$", "😀", true),
        ("^.$", "\n", false),
        ("(?s)^.$", "\n", true),
        ("^..$", "e\u{301}", true),
        // Escapes.
        ("\\x41\\x{1F600}\\101\\0", "A😀A\u{0}", true),
        ("^\\Q.*\\E$", ".*", true),
        ("^\\Q.*\\E$", "ab", false),
        ("^\\Qa.b$", "a.b$", true),
        ("\\a\\f\\t\\n\\r\\v", "\u{7}\u{C}\t\n\r\u{B}", true),
        ("[\\x{10FFFF}]", "\u{10FFFF}", true),
        // `{` that does not open a count is a literal.
        ("^a{,2}$", "a{,2}", true),
        ("^a{$", "a{", true),
        ("^a{01}$", "a{01}", true),
        ("^a{2}$", "aa", true),
        ("^a{2,}$", "aaaa", true),
        ("^a{2,3}$", "aaaa", false),
        ("^(?:a{0})b$", "b", true),
        // Word boundaries are ASCII.
        ("\\bé", "é", false),
        ("a\\b", "aé", true),
        // A flag group's flags end with the group.
        ("(?:(?i)a)a", "AA", false),
        ("(?:(?i)a)a", "Aa", true),
        // Empty alternatives.
        ("^(a|)$", "", true),
        ("^(|a)+$", "aa", true),
    ]

    @Test(arguments: matchesCases)
    func matches(pattern: String, text: String, expected: Bool) throws {
        let regex = try RE2Regex(pattern)
        // The first uses run the VM, later ones the ASCII automaton (when the text is ASCII).
        let answers = (0...LazyMatchAutomaton.usesBeforeBuilding).map { _ in regex.matches(text) }
        #expect(answers == Array(repeating: expected, count: answers.count))
    }

    /// `matches` agrees with `find` whether the VM or the automaton answers it.
    @Test(arguments: allMatchCases)
    func matchesAgreesWithFind(pattern: String, text: String, expected: [String]) throws {
        let regex = try RE2Regex(pattern)
        let answers = (0...LazyMatchAutomaton.usesBeforeBuilding).map { _ in regex.matches(text) }
        #expect(answers == Array(repeating: !expected.isEmpty, count: answers.count))
    }

    @Test func typicalPolicyPatternsGetAnAutomaton() throws {
        for pattern in ["^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "^(registry\\.example\\.com|ghcr\\.io/acme)/", "(?i)\\blatest$"] {
            #expect(ASCIIMatchDFA(try RE2Regex(pattern).program) != nil, "\(pattern)")
        }
        #expect(ASCIIMatchDFA(try RE2Regex("[a-z]{1000}").program) == nil)
    }

    @Test func findReturnsTheLeftmostFirstMatch() throws {
        #expect(try RE2Regex("a|ab").firstMatch(in: "xab") == "a")
        #expect(try RE2Regex("ab|a").firstMatch(in: "xab") == "ab")
        #expect(try RE2Regex("a*?").firstMatch(in: "aaa") == "")
        #expect(try RE2Regex("b+").firstMatch(in: "aaa") == nil)
    }

    @Test func findAllStopsAtTheLimitAndSkipsAnEmptyMatchRightAfterAMatch() throws {
        let regex = try RE2Regex("a")
        #expect(regex.allMatches(in: "bababaab", limit: 0).isEmpty)
        #expect(regex.allMatches(in: "bababaab", limit: 2) == ["a", "a"])
        #expect(regex.allMatches(in: "bababaab", limit: 5).count == 4)
        #expect(try RE2Regex("a*").allMatches(in: "aab").map(String.init) == ["aa", ""])
        #expect(try RE2Regex("x*").allMatches(in: "😀😀").map(String.init) == ["", "", ""])
    }

    @Test func aPatternCompiledOnceServesManyTextsAndThreads() async throws {
        let regex = try RE2Regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
        let names = (0..<200).map { $0.isMultiple(of: 3) ? "Bad_\($0)" : "tenant-\($0)" }
        let results = await withTaskGroup(of: Bool.self) { group in
            for name in names { group.addTask { regex.matches(name) } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == names.filter { !$0.hasPrefix("Bad") }.count)
    }
}
