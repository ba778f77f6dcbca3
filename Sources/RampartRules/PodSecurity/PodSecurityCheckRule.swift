import RampartModel
import RampartPSS

/// A rule that reports one upstream Pod Security Standards check. Severity follows the check's
/// level: `high` for baseline checks (known privilege escalations), `medium` for restricted-only
/// checks (hardening). Each rule's instance lives in its own file, named after the rule ID.
public struct PodSecurityCheckRule: Rule {
    public let metadata: RuleMetadata
    /// The upstream check ID (`privileged`, `hostNamespaces`, …).
    public let check: String
    public let level: PolicyLevel

    init(id: String, check: String, level: PolicyLevel, title: String, cis: [String] = [],
         rationale: String, remediation: String) {
        self.check = check
        self.level = level
        metadata = RuleMetadata(
            id: id, title: title, severity: level == .baseline ? .high : .medium, layer: .pod,
            standards: ["PSS \(level.rawValue): \(check)"] + cis.map { "CIS \($0)" } + ["NSA/CISA: pod security"],
            rationale: rationale, remediation: remediation)
    }

    public var scope: RuleScope { .podTemplate }
    public var reads: Set<ResourceKind> { PodSecurity.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        context.podSecurity.violations(of: check)
    }
}
