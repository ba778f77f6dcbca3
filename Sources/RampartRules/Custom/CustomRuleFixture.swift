import RampartModel

/// One fixture of a custom rule (`rampart rules test`): objects the rule must pass (`pass/`) or
/// fail (`fail/`), judged as an audit judges them, tenants inferred from the namespaces' labels.
public struct CustomRuleFixture: Sendable {
    /// What the fixture expects of the rules beside it.
    public enum Expectation: String, Sendable {
        /// No finding on any object.
        case pass
        /// At least one finding.
        case fail
    }

    public var file: String
    public var expectation: Expectation
    public var objects: [KubeObject]

    public init(file: String, expectation: Expectation, objects: [KubeObject]) {
        self.file = file
        self.expectation = expectation
        self.objects = objects
    }

    /// The findings of `rule` on the fixture's objects.
    public func findings(of rule: CustomRule) -> [Finding] {
        let context = AuditContext(inventory: Inventory(objects: objects))
        return Auditor.audit(context, rules: [rule])
    }

    /// True when `findings` are what the fixture expects.
    public func holds(_ findings: [Finding]) -> Bool {
        switch expectation {
        case .pass: findings.isEmpty
        case .fail: !findings.isEmpty
        }
    }
}
