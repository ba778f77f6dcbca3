import RampartRBAC

/// The answer of `rampart rbac rules`: the rules RBAC grants a user in a namespace (cluster-wide
/// bindings only without one). JSON: `{"rules":[PolicyRule…], "via":[…]}` (DESIGN.md).
public struct RBACRulesAnswer: RBACAnswer {
    public let rules: [RampartRBAC.PolicyRule]
    /// The grants the rules come from.
    public let via: [Grant]
    public let unresolved: [UnresolvedBinding]

    public init(_ effective: EffectiveRules) {
        rules = effective.rules
        via = effective.via
        unresolved = effective.unresolved
    }

    private enum CodingKeys: String, CodingKey { case rules, via }

    public var grants: [Grant] { via }
    /// Listing rules never fails a run.
    public var failed: Bool { false }

    /// One summary line per rule.
    public var text: String { rules.map(\.summary).joined(separator: "\n") }
}
