import RampartModel

/// A rule: a pure function of the inventory that reports violations. No I/O, no mutation.
///
/// A rule is one self-describing unit: its metadata (ID, severity, standards…), its scope and
/// every kind it reads. Whatever lists rules or the kinds they read (the catalog, the webhook's
/// rules, the live reader, the scanner's RBAC, the docs) follows from these declarations.
public protocol Rule: Sendable {
    var metadata: RuleMetadata { get }
    /// What one evaluation looks at (decides whether the rule runs at admission).
    var scope: RuleScope { get }
    /// Every kind the rule reads, directly or through the shared analyses it asks for.
    var reads: Set<ResourceKind> { get }
    /// Every violation of the rule in the inventory.
    func evaluate(in context: AuditContext) -> [Violation]
    /// The rule as a pod rule, when it is one. A requirement, not a cast: `rule as? any PodRule`
    /// costs a scan of every protocol conformance in the binary the first time per rule type
    /// (about a fifth of the instructions of an audit of one object).
    var podRule: (any PodRule)? { get }
    /// Whether the rule reports the tenancy verdict (the rule pass starts one such rule first). A
    /// requirement, not a cast, for the same reason as `podRule`.
    var readsTenancyVerdict: Bool { get }
}

extension Rule {
    /// Whole-inventory unless the rule says otherwise.
    public var scope: RuleScope { .inventory }
    public var podRule: (any PodRule)? { nil }
    public var readsTenancyVerdict: Bool { false }
}

/// A rule about one pod template at a time (Pods and workload templates). The audit runs these over
/// chunks of pods on every core.
public protocol PodRule: Rule {
    func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation]
}

extension PodRule {
    public var scope: RuleScope { .podTemplate }
    public var podRule: (any PodRule)? { self }
    public var reads: Set<ResourceKind> { ResourceKind.podBearing }

    public func evaluate(in context: AuditContext) -> [Violation] {
        context.inventory.topLevelPodTemplates.flatMap { evaluate($0, in: context) }
    }
}

/// A rule about one object of some kinds at a time.
public protocol ObjectRule: Rule {
    /// The kinds the rule looks at (core group and named groups alike).
    var kinds: [String] { get }
    func evaluate(_ object: KubeObject, in context: AuditContext) -> [Violation]
}

extension ObjectRule {
    public var scope: RuleScope { .object(kinds: kinds) }
    public var reads: Set<ResourceKind> { Set(kinds.compactMap(ResourceKind.named)) }

    public func evaluate(in context: AuditContext) -> [Violation] {
        kinds.flatMap { context.inventory.objects(ofKind: $0) }.flatMap { evaluate($0, in: context) }
    }
}
