/// A key of a configuration mapping that its reader does not know, where it is, and the known key
/// the author most likely meant.
public struct UnknownKey: Sendable, Hashable {
    public var key: String
    public var mark: SourceMark
    /// The nearest known key, when one is close enough to be a likely typo; nil otherwise.
    public var suggestion: String?
    /// Every key the mapping accepts, sorted.
    public var known: [String]

    public init(key: String, mark: SourceMark, suggestion: String?, known: [String]) {
        self.key = key
        self.mark = mark
        self.suggestion = suggestion
        self.known = known
    }

    /// `; did you mean 'namespace'?` with a suggestion, ` (known: kind, name, …)` without one.
    public var hint: String {
        if let suggestion { return "; did you mean '\(suggestion)'?" }
        return " (known: \(known.joined(separator: ", ")))"
    }

    /// `unknown key 'namespaces' in exception; did you mean 'namespace'?`
    public func message(in context: String) -> String {
        "unknown key '\(key)' in \(context)\(hint)"
    }
}

/// Finds the keys of a configuration mapping that its reader would otherwise ignore, and the known key
/// each one most likely meant. Shared by every reader of Rampart's own files (configuration, tenancy),
/// so a typo reads the same wherever it is.
///
/// A known key is suggested when it is, ignoring case, the same word in the singular
/// (`namespaces` → `namespace`, `registry` → `registries`), within a small edit distance (one edit for
/// keys of four characters or fewer, two for longer ones; swapping two neighbours counts as one), or
/// when one starts with the other (in the singular) and the shorter has at least four characters
/// (`annotations` → `annotationExceptions`). Anything else gets no suggestion rather than a wrong one.
public enum KeySuggestion {
    /// The entries of `node` (when it is a mapping) whose keys are not in `known`, in source order.
    public static func unknownKeys(in node: Node, known: Set<String>) -> [UnknownKey] {
        let sorted = known.sorted()
        return node.entries.filter { !known.contains($0.key) }.map { entry in
            UnknownKey(key: entry.key, mark: entry.keyMark, suggestion: nearest(to: entry.key, among: sorted), known: sorted)
        }
    }

    /// The known key `key` most likely stands for, or nil when none is close. Ties go to the key
    /// that sorts first, so the answer does not depend on the order of `known`.
    public static func nearest(to key: String, among known: some Sequence<String>) -> String? {
        var best: (score: Int, key: String)?
        for candidate in known where candidate != key {
            guard let score = score(key, candidate) else { continue }
            if best.map({ (score, candidate) < ($0.score, $0.key) }) ?? true { best = (score, candidate) }
        }
        return best?.key
    }

    /// Lower is closer; nil: not close enough to suggest.
    private static func score(_ key: String, _ candidate: String) -> Int? {
        let typed = Array(key.lowercased()), known = Array(candidate.lowercased())
        let typedWord = singular(typed), knownWord = singular(known)
        if typedWord == knownWord { return 0 }
        let limit = typed.count <= 4 ? 1 : 2
        if abs(typed.count - known.count) <= limit {
            let distance = editDistance(typed, known)
            if distance <= limit { return distance }
        }
        let (shorter, longer) = typedWord.count <= knownWord.count ? (typedWord, knownWord) : (knownWord, typedWord)
        if shorter.count >= 4, longer.starts(with: shorter) { return limit + 1 }
        return nil
    }

    /// `registries` → `registry`, `namespaces` → `namespace`; other words unchanged.
    private static func singular(_ word: [Character]) -> [Character] {
        if word.count > 3, word.suffix(3) == ["i", "e", "s"] { return word.dropLast(3) + ["y"] }
        if word.count > 1, word.last == "s", word.dropLast().last != "s" { return Array(word.dropLast()) }
        return word
    }

    /// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`: the optimal
    /// string alignment distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
