import RampartRBAC
import RampartRules

/// The answer of `rampart rbac risks`: the findings of the catalog's RBAC rules.
/// JSON: `{"findings":[…]}`. A finding at or above `failOn` fails the run.
public struct RBACRisksAnswer: RBACAnswer {
    public let findings: [Finding]
    /// The severity from which a finding fails the run.
    public let failOn: Severity

    public init(findings: [Finding], failOn: Severity) {
        self.findings = findings
        self.failOn = failOn
    }

    private enum CodingKeys: String, CodingKey { case findings }

    /// Findings cite no grants.
    public var grants: [Grant] { [] }
    public var unresolved: [UnresolvedBinding] { [] }
    public var failed: Bool { findings.contains { $0.severity >= failOn } }

    public func splittingFindings() -> (rest: Self, findings: [Finding])? {
        (RBACRisksAnswer(findings: [], failOn: failOn), findings)
    }

    /// Per finding: severity, rule ID and place, then its message and notes, indented.
    public var text: String {
        findings.map { finding in
            let place = "\(finding.location.file ?? finding.object.description):\(finding.location.line)"
            return (["\(finding.severity.rawValue.uppercased()) \(finding.ruleId) \(place)", "  \(finding.message)"]
                    + finding.notes.map { "    \($0)" }).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
