import RampartLoading
import RampartModel
import RampartPolicy
import RampartRules

/// The result of one audit, as every reporter renders it (the JSON report is this, encoded).
public struct AuditReport: Sendable, Codable {
    /// The name and version of the tool that wrote the report.
    public struct Tool: Sendable, Codable {
        public var name = "rampart"
        public var version: String
    }

    /// Counts for the first lines of a report and for CI.
    public struct Summary: Sendable, Codable {
        public var findings: Int
        public var bySeverity: [String: Int]
        public var byRule: [String: Int]
        public var suppressed: Int
        public var errors: Int
        public var failOn: Severity
        /// True when a finding is at or above `failOn`.
        public var failed: Bool
    }

    public var schemaVersion = 1
    public var tool: Tool
    public var objects: Int
    public var errors: [InputError]
    public var findings: [Finding]
    public var suppressed: [SuppressedFinding]
    public var notices: [PolicyNotice]
    public var summary: Summary
    /// The live cluster the objects were read from; absent for files.
    public var source: ReportSource?
    /// The findings grouped by root cause, what to fix first at the top.
    public var bookOfWork: [WorkItem]
    /// Well-known platform namespaces among the inputs, proposed for `platformNamespaces`.
    public var platformNamespaceProposals: [String] = []

    public init(version: String, objects: Int, errors: [InputError], outcome: PolicyOutcome, failOn: Severity) {
        tool = Tool(version: version)
        self.objects = objects
        self.errors = errors.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        let findings = outcome.findings
        self.findings = findings
        suppressed = ReportOrder.sorted(outcome.suppressed, finding: \.finding)
        notices = outcome.notices
        bookOfWork = BookOfWork.items(findings)
        summary = Summary(
            findings: findings.count,
            bySeverity: Dictionary(uniqueKeysWithValues: Severity.allCases.map { severity in
                (severity.rawValue, findings.count { $0.severity == severity })
            }),
            byRule: findings.reduce(into: [:]) { counts, finding in counts[finding.ruleId, default: 0] += 1 },
            suppressed: suppressed.count,
            errors: errors.count,
            failOn: failOn,
            failed: findings.contains { $0.severity >= failOn })
    }
}
