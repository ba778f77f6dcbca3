import RampartRules

/// A rule's metadata as the `rules` and `explain` commands and the generated docs present it.
public struct RuleDescription: Codable, Sendable {
    public var id: String
    public var title: String
    public var severity: String
    public var layer: String
    public var standards: [String]
    public var rationale: String
    public var remediation: String

    public init(_ rule: RuleMetadata) {
        id = rule.id
        title = rule.title
        severity = rule.severity.rawValue
        layer = rule.layer.rawValue
        standards = rule.standards
        rationale = rule.rationale
        remediation = rule.remediation
    }

    /// The plain-text page of `rampart explain`.
    public var text: String {
        """
        \(id): \(title)
        severity: \(severity)    layer: \(layer)
        standards: \(standards.isEmpty ? "none" : standards.joined(separator: ", "))

        Why it matters:
          \(rationale)

        How to fix it:
          \(remediation)
        """
    }

    /// `docs/rules.md`, generated from the catalog.
    public static func markdown(_ rules: [RuleMetadata]) -> String {
        var lines = [
            "# Rampart rules",
            "",
            "Generated from the rule catalog by `rampart rules --format markdown`; do not edit by hand.",
            "",
            "| ID | Severity | Layer | Title | Standards |",
            "|---|---|---|---|---|",
        ]
        for rule in rules {
            lines.append("| [`\(rule.id)`](#\(anchor(rule.id))) | \(rule.severity.rawValue) | \(rule.layer.rawValue) | \(rule.title) | \(rule.standards.joined(separator: "; ")) |")
        }
        for rule in rules.map(RuleDescription.init) {
            lines += ["", "## \(rule.id)", "", "**\(rule.title)** — severity \(rule.severity), layer \(rule.layer).", ""]
            if !rule.standards.isEmpty { lines += ["Standards: \(rule.standards.joined(separator: ", ")).", ""] }
            lines += ["Why: \(rule.rationale)", "", "Fix: \(rule.remediation)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func anchor(_ id: String) -> String {
        id.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
    }
}
