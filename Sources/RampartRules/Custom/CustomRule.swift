import RampartModel

/// A rule the platform team writes in CEL, in the configuration, in the shape of a
/// ValidatingAdmissionPolicy: metadata like any catalog rule, a match, variables and validations.
/// It judges one object at a time, so it runs in audits and in the webhook alike.
public struct CustomRule: ObjectRule {
    /// A named expression whose value the validations read as `variables.NAME`.
    public struct Variable: Sendable {
        public var name: String
        public var expression: CustomExpression

        public init(name: String, expression: CustomExpression) {
            self.name = name
            self.expression = expression
        }
    }

    /// An expression that must be true, and what is said when it is not.
    public struct Validation: Sendable {
        public var expression: CustomExpression
        public var message: String?
        public var messageExpression: CustomExpression?

        public init(expression: CustomExpression, message: String? = nil, messageExpression: CustomExpression? = nil) {
            self.expression = expression
            self.message = message
            self.messageExpression = messageExpression
        }
    }

    /// The prefix of every custom rule's ID, so it never collides with a catalog rule.
    public static let idPrefix = "custom."

    public let metadata: RuleMetadata
    public let match: CustomRuleMatch
    public let variables: [Variable]
    public let validations: [Validation]
    /// The one field of `object` each validation reads, directly or through the variables it reads,
    /// when it reads exactly one (see `FieldReads`): where its findings point.
    public let validationFields: [FieldPath?]

    public init(metadata: RuleMetadata, match: CustomRuleMatch, variables: [Variable], validations: [Validation]) {
        self.metadata = metadata
        self.match = match
        self.variables = variables
        self.validations = validations
        let sources = Dictionary(variables.map { ($0.name, $0.expression.source) }, uniquingKeysWith: { _, last in last })
        validationFields = validations.map { FieldReads.singleField(in: $0.expression.source, variables: sources) }
    }

    public var kinds: [String] { match.kinds }

    public func evaluate(_ object: KubeObject, in context: AuditContext) -> [Violation] {
        guard match.matchesCreate else { return [] }
        let namespace = object.namespace.flatMap(context.inventory.namespace)
        let tenant = object.namespace.flatMap { context.tenant(ofNamespace: $0) }
        guard match.matches(object, namespaceLabels: namespace?.labels, tenant: tenant) else { return [] }
        return CustomRuleEvaluation(rule: self, object: object, namespace: namespace, tenant: tenant).violations()
    }
}
