/// The phrasing helpers upstream's checks share, so details read exactly like the admission's.
enum Wording {
    /// `singular` for one, `plural` otherwise.
    static func pluralize(_ singular: String, _ plural: String, _ count: Int) -> String {
        count == 1 ? singular : plural
    }

    /// `"a", "b"` (empty for no items).
    static func joinQuote<S: Sequence>(_ items: S) -> String where S.Element == String {
        let quoted = items.map { "\"\($0)\"" }
        return quoted.joined(separator: ", ")
    }

    /// `container "a"` / `containers "a", "b"`.
    static func containers(_ names: [String]) -> String {
        "\(pluralize("container", "containers", names.count)) \(joinQuote(names))"
    }

    /// Who set a forbidden value: `pod`, `containers "a", "b"`, or `pod and container "a"`.
    static func setters(pod: Bool, containers names: [String]) -> String {
        var parts: [String] = []
        if pod { parts.append("pod") }
        if !names.isEmpty { parts.append(containers(names)) }
        return parts.joined(separator: " and ")
    }

    /// Sorted unique values (upstream's `sets.List`).
    static func sortedUnique<S: Sequence>(_ values: S) -> [String] where S.Element == String {
        Array(Set(values)).sorted()
    }
}
