import RampartModel

/// One rule violation on one object field, with the rule's metadata; what every reporter renders.
///
/// What the rule and the violation say is stored once and shared by every copy (only the severity,
/// which a configuration may override, is the finding's own): a report copies each of tens of
/// thousands of findings several times while it filters, sorts and groups them, and copying eleven
/// fields (a dozen reference counts) each time was the largest single cost left after the rules.
public struct Finding: Sendable, Hashable, Codable, Comparable {
    private let record: Record
    public var severity: Severity

    public var ruleId: String { record.fields.ruleId }
    public var title: String { record.fields.title }
    public var layer: Layer { record.fields.layer }
    public var message: String { record.fields.message }
    public var object: ObjectReference { record.fields.object }
    public var location: SourceLocation { record.fields.location }
    /// The field, e.g. `spec.template.spec.containers[0].securityContext.privileged`.
    public var path: String { record.fields.path }
    public var standards: [String] { record.fields.standards }
    public var notes: [String] { record.fields.notes }
    /// How to fix it: the rule's remediation, in every finding so no report needs `explain`.
    public var fix: String { record.fields.fix }

    /// The finding of `violation`, its CIS references numbered by `benchmark`.
    public init(rule: RuleMetadata, violation: Violation, benchmark: CISBenchmark = .standard) {
        severity = rule.severity
        record = Record(Fields(ruleId: rule.id, title: rule.title, layer: rule.layer, message: violation.message,
                               object: violation.object.reference, location: violation.object.location(of: violation.path),
                               path: violation.path.description, standards: benchmark.number(rule.standards),
                               notes: violation.notes, fix: rule.remediation))
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

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.severity == rhs.severity && (lhs.record === rhs.record || lhs.record.fields == rhs.record.fields)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(record.fields)
    }

    private enum CodingKeys: String, CodingKey { case severity }

    /// Decodes the members `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        severity = try decoder.container(keyedBy: CodingKeys.self).decode(Severity.self, forKey: .severity)
        record = Record(try Fields(from: decoder))
    }

    /// Encodes every field as a member of one object under its name (the severity beside the rest).
    public func encode(to encoder: any Encoder) throws {
        try record.fields.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
    }

    /// The shared part of a finding.
    private final class Record: Sendable {
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    /// Everything a finding says but its severity.
    private struct Fields: Hashable, Codable {
        let ruleId: String
        let title: String
        let layer: Layer
        let message: String
        let object: ObjectReference
        let location: SourceLocation
        let path: String
        let standards: [String]
        let notes: [String]
        let fix: String
    }
}
