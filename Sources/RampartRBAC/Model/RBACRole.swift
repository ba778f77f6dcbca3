import RampartModel

/// A Role or ClusterRole with its effective rules: its own, or for an aggregated ClusterRole the
/// union the aggregation controller writes.
public struct RBACRole: Sendable {
    /// Where a role definition comes from.
    public enum Origin: Sendable {
        /// An object among the inputs.
        case input(KubeObject)
        /// The Kubernetes bootstrap policy built into Rampart (the role was not among the inputs).
        case builtIn
    }

    /// One effective rule and where it is written: the role that holds it (for aggregated roles,
    /// the selected ClusterRole) and its index in that role's `rules`.
    public struct SourcedRule: Sendable, Hashable {
        public var rule: PolicyRule
        public var role: RoleKey
        public var index: Int

        public init(rule: PolicyRule, role: RoleKey, index: Int) {
            self.rule = rule
            self.role = role
            self.index = index
        }
    }

    public let key: RoleKey
    public let labels: [String: String]
    /// The `aggregationRule.clusterRoleSelectors`; nil when the role has no aggregation rule.
    public let aggregationSelectors: [LabelSelector]?
    public let origin: Origin
    /// The rules as written in the role itself.
    public let ownRules: [PolicyRule]
    /// The rules the authorizer uses: `ownRules`, or for an aggregated role the aggregated union.
    public internal(set) var rules: [SourcedRule]

    init(key: RoleKey, labels: [String: String], aggregationSelectors: [LabelSelector]?, origin: Origin, ownRules: [PolicyRule]) {
        self.key = key
        self.labels = labels
        self.aggregationSelectors = aggregationSelectors
        self.origin = origin
        self.ownRules = ownRules
        self.rules = ownRules.enumerated().map { SourcedRule(rule: $1, role: key, index: $0) }
    }

    /// Reads a Role or ClusterRole object; a Role without a namespace is in `default`, where
    /// `kubectl apply` would put it.
    init?(_ object: KubeObject) {
        let kind: RoleKind
        switch object.kind {
        case "Role": kind = .role
        case "ClusterRole": kind = .clusterRole
        default: return nil
        }
        let key = RoleKey(kind: kind, namespace: kind == .role ? object.namespace ?? "default" : nil, name: object.name)
        let selectors = kind == .clusterRole
            ? object.root["aggregationRule"].map { ($0["clusterRoleSelectors"]?.items ?? []).map(LabelSelector.init) }
            : nil
        self.init(key: key, labels: object.labels, aggregationSelectors: selectors, origin: .input(object),
                  ownRules: (object.root["rules"]?.items ?? []).map(PolicyRule.init))
    }

    public var isBuiltIn: Bool {
        if case .builtIn = origin { return true }
        return false
    }

    /// The object among the inputs, if the role is one.
    public var object: KubeObject? {
        if case .input(let object) = origin { return object }
        return nil
    }
}
