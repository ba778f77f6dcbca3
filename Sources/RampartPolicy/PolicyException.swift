import RampartModel
import RampartRules

/// An exception the platform team grants in its configuration: one rule (or `*`), narrowed to a
/// namespace, kind and name, with a required reason and an optional expiry date (`YYYY-MM-DD`).
public struct PolicyException: Sendable, Equatable {
    public var rule: String
    public var namespace: String?
    public var kind: String?
    public var name: String?
    public var reason: String
    public var expires: String?
    /// Line of the exception in the configuration file.
    public var line: Int

    /// The keys an exception entry may have.
    static let keys: Set<String> = ["rule", "namespace", "kind", "name", "reason", "expires"]

    /// Why an exception entry was rejected, and where.
    struct Failure {
        var mark: SourceMark
        var message: String

        init(_ node: Node, _ message: String) {
            self.mark = node.mark
            self.message = message
        }

        init(_ unknown: UnknownKey) {
            self.mark = unknown.mark
            self.message = unknown.message(in: "exception")
        }
    }

    /// The exception `node` declares, or nil and every reason it is rejected. An entry with an unknown
    /// key is rejected whole: `namespaces: team-a` for `namespace:` would otherwise widen it to every namespace.
    static func parse(_ node: Node, knownRules: Set<String>) -> (PolicyException?, [Failure]) {
        let unknown = KeySuggestion.unknownKeys(in: node, known: keys).map(Failure.init)
        guard let rule = node["rule"]?.string else { return (nil, unknown + [Failure(node, "exception without 'rule'")]) }
        guard rule == "*" || knownRules.contains(rule) else {
            return (nil, unknown + [Failure(node["rule"] ?? node, "exception for unknown rule '\(rule)'")])
        }
        guard let reason = node["reason"]?.string, !reason.allSatisfy(\.isWhitespace) else {
            return (nil, unknown + [Failure(node, "exception for '\(rule)' needs a 'reason'")])
        }
        let expires = node["expires"]?.string
        if let expires, !isDate(expires) {
            return (nil, unknown + [Failure(node["expires"] ?? node, "expiry '\(expires)' is not a date (YYYY-MM-DD)")])
        }
        guard unknown.isEmpty else { return (nil, unknown) }
        return (PolicyException(rule: rule, namespace: node["namespace"]?.string, kind: node["kind"]?.string,
                                name: node["name"]?.string, reason: reason, expires: expires, line: node.mark.line), [])
    }

    /// True when the exception covers `finding` (ignoring expiry).
    public func covers(_ finding: Finding) -> Bool {
        (rule == "*" || rule == finding.ruleId)
            && (namespace == nil || namespace == finding.object.namespace)
            && (kind == nil || kind == finding.object.kind)
            && (name == nil || name == finding.object.name)
    }

    /// True when the exception has expired by `today` (`YYYY-MM-DD`): it applies through its expiry day.
    public func isExpired(today: String) -> Bool {
        expires.map { $0 < today } ?? false
    }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
