import RampartModel

/// One rule violation on one object field, with the rule's metadata; what every reporter renders.
public struct Finding: Sendable, Hashable, Codable, Comparable {
    public var ruleId: String
    public var title: String
    public var severity: Severity
    public var layer: Layer
    public var message: String
    public var object: ObjectReference
    public var location: SourceLocation
    /// The field, e.g. `spec.template.spec.containers[0].securityContext.privileged`.
    public var path: String
    public var standards: [String]
    public var notes: [String]
    /// How to fix it: the rule's remediation, in every finding so no report needs `explain`.
    public var fix: String

    /// The finding of `violation`, its CIS references numbered by `benchmark`.
    public init(rule: RuleMetadata, violation: Violation, benchmark: CISBenchmark = .standard) {
        ruleId = rule.id
        title = rule.title
        severity = rule.severity
        layer = rule.layer
        message = violation.message
        object = violation.object.reference
        location = violation.object.location(of: violation.path)
        path = violation.path.description
        standards = benchmark.number(rule.standards)
        notes = violation.notes
        fix = rule.remediation
    }

    /// Identity of a finding across runs (for baselines): rule, object and field, not the line.
    public var fingerprint: String {
        Self.fingerprint(ruleId: ruleId, kind: object.kind, namespace: object.namespace, name: object.name, path: path)
    }

    /// The fingerprint of a finding given by its parts (as read back from a JSON report).
    public static func fingerprint(ruleId: String, kind: String, namespace: String?, name: String, path: String) -> String {
        "\(ruleId)|\(kind)|\(namespace ?? "")|\(name)|\(path)"
    }

    /// Report order: severity (highest first), rule, file position, object.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.ruleId != rhs.ruleId { return lhs.ruleId < rhs.ruleId }
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.object != rhs.object { return lhs.object < rhs.object }
        return (lhs.path, lhs.message) < (rhs.path, rhs.message)
    }
}
