/// What one evaluation of a rule looks at. The scope decides where the rule can run: a rule that
/// judges one object by itself runs in audits and at admission; a rule that needs the rest of the
/// cluster (bindings, policies, quotas, tenants) would judge a lone object wrongly, so it runs in
/// audits only.
public enum RuleScope: Sendable, Hashable {
    /// One object of these kinds at a time, by itself.
    case object(kinds: [String])
    /// One top-level pod template at a time (Pods and every workload kind).
    case podTemplate
    /// The whole inventory.
    case inventory

    /// True when the rule can judge the object of an admission request by itself.
    public var judgesOneObject: Bool {
        switch self {
        case .object, .podTemplate: true
        case .inventory: false
        }
    }
}
