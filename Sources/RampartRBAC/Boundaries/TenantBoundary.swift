import RampartModel

/// One binding that carries a subject across a tenant boundary, with what it lets the subject do.
public struct BoundaryCrossing: Sendable {
    public let subject: Subject
    public let binding: RBACBinding
    public let role: RoleKey
    /// Where the grant holds: a namespace, or nil for a ClusterRoleBinding (every namespace and the cluster scope).
    public let namespace: String?
    /// The boundary permissions the role grants there, sorted by kind then label.
    public let permissions: [BoundaryProbe]
    /// `rules[i] of Role/…` for each role rule that grants one of the permissions.
    public let rules: [String]
    /// `get secrets, list secrets, create pods` (labels in probe order, duplicates removed): worked out
    /// once, since one cluster-wide crossing is reported in every tenant.
    public let summary: String

    init(subject: Subject, binding: RBACBinding, role: RoleKey, namespace: String?, permissions: [BoundaryProbe], rules: [String]) {
        self.subject = subject
        self.binding = binding
        self.role = role
        self.namespace = namespace
        self.permissions = permissions
        self.rules = rules
        var seen: Set<String> = []
        summary = permissions.map(\.label).filter { seen.insert($0).inserted }.joined(separator: ", ")
    }

    /// The kinds of permission held.
    public var kinds: Set<BoundaryProbe.Kind> { Set(permissions.map(\.kind)) }
}

/// The control-plane boundary of a set of namespaces (one tenant): who from outside can read or
/// change things inside, and what subjects from inside can do outside.
public struct TenantBoundary: Sendable {
    /// Outside subjects with read or write permissions inside (through ClusterRoleBindings, or
    /// RoleBindings of the tenant's namespaces that name outside subjects).
    public let inbound: [BoundaryCrossing]
    /// Inside subjects (the tenant's service accounts and its `system:serviceaccounts:NS` groups)
    /// with permissions in other namespaces or at cluster scope.
    public let outbound: [BoundaryCrossing]
}

extension RBACPolicy {
    /// The boundary of `namespaces` (see `BoundaryIndex.boundary(of:)`). Indexes every binding for one
    /// question: build a `BoundaryIndex` to ask about many tenants.
    public func boundary(of namespaces: Set<String>) -> TenantBoundary {
        BoundaryIndex(self).boundary(of: namespaces)
    }

    /// What `role`, bound to `subject` by `binding`, allows among `probes` (of `onlyKinds`, nil: any); nil when nothing.
    public func crossing(_ subject: Subject, _ binding: RBACBinding, _ role: RBACRole, probes: [BoundaryProbe],
                  onlyKinds: Set<BoundaryProbe.Kind>?) -> BoundaryCrossing? {
        var held: [BoundaryProbe] = []
        var rules: [String] = []
        // Each rule once (its text names its role and index), the text made only then.
        var described: [(role: RoleKey, index: Int)] = []
        for probe in probes where onlyKinds?.contains(probe.kind) ?? true {
            guard let rule = role.rules.first(where: { $0.rule.allows(probe.request) }) else { continue }
            held.append(probe)
            guard !described.contains(where: { $0.index == rule.index && $0.role == rule.role }) else { continue }
            described.append((rule.role, rule.index))
            rules.append("rules[\(rule.index)] of \(rule.role) allows \(rule.rule.summary)")
        }
        guard !held.isEmpty else { return nil }
        return BoundaryCrossing(subject: subject, binding: binding, role: role.key, namespace: binding.namespace,
                                permissions: held, rules: rules)
    }
}
