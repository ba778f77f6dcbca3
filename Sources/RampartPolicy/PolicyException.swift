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

    /// The exception `node` declares, or nil when it has errors (each goes to `reader`). An entry with
    /// an unknown key or a value of the wrong type is rejected whole: `namespaces: team-a` for
    /// `namespace:`, or `namespace: [team-a]`, would otherwise widen it to every namespace, and an
    /// empty `expires:` would make it permanent.
    static func read(_ node: Node, knownRules: Set<String>, into reader: inout ConfigReader) -> PolicyException? {
        guard node.isMapping else {
            reader.error(node, "exception must be a mapping with 'rule' and 'reason', not \(ConfigReader.describe(node))")
            return nil
        }
        let before = reader.errors.count
        reader.unknownKeys(in: node, known: keys, context: "exception")
        let rule = node["rule"].flatMap(\.string)
        switch (node["rule"], rule) {
        case (nil, _):
            reader.error(node, "exception without 'rule'")
        case (let value?, nil) where !value.isNull:
            reader.error(value, "'rule' of an exception must be a rule ID or \"*\", not \(ConfigReader.describe(value))")
        case (let value?, nil):
            reader.error(value, "exception with an empty 'rule'")
        case (let value?, let id?) where id.allSatisfy(\.isWhitespace):
            reader.error(value, "exception with an empty 'rule'")
        case (let value?, let id?) where id != "*" && !knownRules.contains(id):
            reader.error(value, "exception for unknown rule '\(id)'\(PolicyConfig.unknownRuleHint(id, knownRules: knownRules))")
        default:
            break
        }
        let reason = node["reason"].flatMap(\.string).flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        if reason == nil {
            reader.error(node["reason"] ?? node, rule.map { "exception for '\($0)' needs a 'reason'" } ?? "exception needs a 'reason'")
        }
        let namespace = reader.string(node["namespace"], "'namespace' of an exception")
        let kind = reader.string(node["kind"], "'kind' of an exception")
        let name = reader.string(node["name"], "'name' of an exception")
        var expires: String?
        if let value = node["expires"] {
            switch value.content {
            case .scalar where !value.isNull:
                expires = value.string
                if let text = expires, !isDate(text) { reader.error(value, "expiry '\(text)' is not a date (YYYY-MM-DD)") }
            default:
                reader.error(value, "expiry must be a date (YYYY-MM-DD), not \(ConfigReader.describe(value))")
            }
        }
        guard reader.errors.count == before, let rule, let reason else { return nil }
        return PolicyException(rule: rule, namespace: namespace, kind: kind, name: name, reason: reason, expires: expires,
                               line: node.mark.line)
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

    /// True for a day of the calendar written `YYYY-MM-DD` (`2027-02-29` is not one).
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
