import RampartModel
import RampartTenancy

/// Which objects a custom rule judges, in the shape of a ValidatingAdmissionPolicy's
/// `matchConstraints` plus Rampart's tenancy: API groups and kinds, operations, namespace and object
/// selectors, and the tenants (by name or by trust) whose namespaces the object is in.
public struct CustomRuleMatch: Sendable {
    /// API groups (`""` the core group, `*` any); empty: any group.
    public var apiGroups: [String]
    /// Kinds (`Deployment`, `Pod`); at least one.
    public var kinds: [String]
    /// `CREATE`, `UPDATE`, `DELETE`, `CONNECT` or `*`; empty: `CREATE` and `UPDATE`. The audit judges
    /// objects as the request that creates them, so a rule runs there when it matches `CREATE`.
    public var operations: [String]
    public var namespaceSelector: LabelSelector
    public var objectSelector: LabelSelector
    /// Tenant names; empty: any namespace (tenant or not) unless `trust` is set.
    public var tenants: [String]
    /// Trust levels of the tenant; empty: any.
    public var trust: [Trust]

    public init(apiGroups: [String] = [], kinds: [String], operations: [String] = [],
                namespaceSelector: LabelSelector = LabelSelector(), objectSelector: LabelSelector = LabelSelector(),
                tenants: [String] = [], trust: [Trust] = []) {
        self.apiGroups = apiGroups
        self.kinds = kinds
        self.operations = operations
        self.namespaceSelector = namespaceSelector
        self.objectSelector = objectSelector
        self.tenants = tenants
        self.trust = trust
    }

    /// The operations a match may name.
    public static let knownOperations: Set<String> = ["CREATE", "UPDATE", "DELETE", "CONNECT", "*"]

    /// True when the rule judges objects as they are created (the audit's view of every object).
    public var matchesCreate: Bool {
        operations.isEmpty || operations.contains("CREATE") || operations.contains("*")
    }

    /// True when the rule judges `object`, in a namespace with `namespaceLabels`, of `tenant`.
    func matches(_ object: KubeObject, namespaceLabels: [String: String]?, tenant: TenantSpec?) -> Bool {
        guard kinds.contains(object.kind),
              apiGroups.isEmpty || apiGroups.contains("*") || apiGroups.contains(object.reference.group),
              objectSelector.matches(object.labels) else { return false }
        if object.namespace != nil, !namespaceSelector.isEmpty,
           !namespaceSelector.matches(namespaceLabels ?? [:]) { return false }
        if !tenants.isEmpty, !tenants.contains(tenant?.name ?? "") { return false }
        if !trust.isEmpty {
            guard let tenant, trust.contains(tenant.isUntrusted ? .untrusted : .trusted) else { return false }
        }
        return true
    }
}
