/// Everything a user needs to know about a rule: the single source for `rampart rules`,
/// `rampart explain`, SARIF rule metadata and `docs/rules.md`.
public struct RuleMetadata: Sendable, Hashable {
    /// Stable identifier, `family.name` (`images.latest-tag`); the rule's file is named after it.
    public var id: String
    public var title: String
    public var severity: Severity
    public var layer: Layer
    /// References such as `"CIS 5.1.5"`, `"PSS baseline: privileged"`, `"NSA/CISA: pod security"`.
    public var standards: [String]
    public var rationale: String
    public var remediation: String

    public init(id: String, title: String, severity: Severity, layer: Layer, standards: [String],
                rationale: String, remediation: String) {
        self.id = id
        self.title = title
        self.severity = severity
        self.layer = layer
        self.standards = standards
        self.rationale = rationale
        self.remediation = remediation
    }
}
