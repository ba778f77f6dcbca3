import RampartModel
import RampartRules

/// One rule as a ValidatingAdmissionPolicy: what it matches, its variables and validations, and
/// which tenants' namespaces its bindings cover.
public struct ExportedPolicy: Sendable {
    /// API groups and plural resources of one resource rule.
    public struct Resources: Sendable {
        public var groups: [String]
        public var resources: [String]
    }

    /// One validation: the expression, and its message (the rule ID and the field in it).
    public struct Validation: Sendable {
        public var expression: String
        public var messageExpression: String
    }

    public var rule: RuleMetadata
    public var resources: [Resources]
    public var operations: [String]
    public var namespaceSelector: LabelSelector
    public var objectSelector: LabelSelector
    public var variables: [(name: String, expression: String)]
    public var validations: [Validation]
    /// Tenant names the bindings are limited to (nil: every tenant); trust levels likewise.
    public var tenants: [String]?
    public var trust: [String]?

    /// `Fail` for rules of high or critical severity (a policy that cannot be evaluated must not let
    /// the object in), `Ignore` for the others (an evaluation failure must not block deploys).
    public var failurePolicy: String { rule.severity >= .high ? "Fail" : "Ignore" }

    /// The policy's name: `rampart-` and the rule ID with dots as dashes.
    public var name: String { "rampart-" + rule.id.replacingOccurrences(of: ".", with: "-") }
}
