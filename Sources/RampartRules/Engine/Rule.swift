import RampartModel

/// A rule: a pure function of the inventory that reports violations. No I/O, no mutation.
public protocol Rule: Sendable {
    var metadata: RuleMetadata { get }
    /// Every violation of the rule in the inventory.
    func evaluate(in context: AuditContext) -> [Violation]
}

/// A rule about one pod template at a time (Pods and workload templates). The audit runs these over
/// chunks of pods on every core.
public protocol PodRule: Rule {
    func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation]
}

extension PodRule {
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
    public func evaluate(in context: AuditContext) -> [Violation] {
        kinds.flatMap { context.inventory.objects(ofKind: $0) }.flatMap { evaluate($0, in: context) }
    }
}
