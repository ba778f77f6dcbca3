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

    /// The kinds of permission held.
    public var kinds: Set<BoundaryProbe.Kind> { Set(permissions.map(\.kind)) }

    /// `get,list secrets, create pods` (labels in probe order, duplicates removed).
    public var summary: String {
        var seen: Set<String> = []
        return permissions.map(\.label).filter { seen.insert($0).inserted }.joined(separator: ", ")
    }
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
    /// The boundary of `namespaces`. A service account (or service-account group) is inside when
    /// its namespace is one of them; a user or group is inside when every binding that names it is
    /// a RoleBinding of one of them. Bootstrap bindings and `system:masters` are not considered.
    public func boundary(of namespaces: Set<String>) -> TenantBoundary {
        let insideNames = insideUsersAndGroups(namespaces)
        func isInside(_ subject: Subject) -> Bool {
            switch subject.kind {
            case .serviceAccount: return subject.namespace.map(namespaces.contains) ?? false
            case .group where subject.name.hasPrefix(Self.serviceAccountGroupPrefix):
                return namespaces.contains(String(subject.name.dropFirst(Self.serviceAccountGroupPrefix.count)))
            case .user, .group: return insideNames.contains(subject)
            }
        }
        var inbound: [BoundaryCrossing] = []
        var outbound: [BoundaryCrossing] = []
        for binding in bindings {
            guard case .resolved(let role) = role(of: binding) else { continue }
            let bindingInside = binding.namespace.map(namespaces.contains) ?? false
            let clusterWide = binding.kind == .clusterRoleBinding
            for bound in binding.subjects {
                let inside = isInside(bound.subject)
                if !inside, bindingInside || clusterWide {
                    if let crossing = crossing(bound.subject, binding, role, probes: BoundaryProbe.namespaced,
                                               onlyKinds: [.read, .write]) {
                        inbound.append(crossing)
                    }
                } else if inside, !bindingInside, bound.subject.kind == .serviceAccount || bound.subject.name.hasPrefix(Self.serviceAccountGroupPrefix) {
                    let probes = clusterWide ? BoundaryProbe.namespaced + BoundaryProbe.cluster : BoundaryProbe.namespaced
                    if let crossing = crossing(bound.subject, binding, role, probes: probes, onlyKinds: nil) {
                        outbound.append(crossing)
                    }
                }
            }
        }
        return TenantBoundary(inbound: inbound, outbound: outbound)
    }

    static let serviceAccountGroupPrefix = "system:serviceaccounts:"

    /// Users and groups named only by RoleBindings of `namespaces`.
    private func insideUsersAndGroups(_ namespaces: Set<String>) -> Set<Subject> {
        var inside: Set<Subject> = []
        var outside: Set<Subject> = []
        for binding in bindings {
            let bindingInside = binding.namespace.map(namespaces.contains) ?? false
            for bound in binding.subjects where bound.subject.kind != .serviceAccount {
                if bindingInside { inside.insert(bound.subject) } else { outside.insert(bound.subject) }
            }
        }
        return inside.subtracting(outside)
    }

    private func crossing(_ subject: Subject, _ binding: RBACBinding, _ role: RBACRole, probes: [BoundaryProbe],
                          onlyKinds: Set<BoundaryProbe.Kind>?) -> BoundaryCrossing? {
        var held: [BoundaryProbe] = []
        var rules: [String] = []
        for probe in probes where onlyKinds?.contains(probe.kind) ?? true {
            guard let rule = role.rules.first(where: { $0.rule.allows(probe.request) }) else { continue }
            held.append(probe)
            let text = "rules[\(rule.index)] of \(rule.role) allows \(rule.rule.summary)"
            if !rules.contains(text) { rules.append(text) }
        }
        guard !held.isEmpty else { return nil }
        return BoundaryCrossing(subject: subject, binding: binding, role: role.key, namespace: binding.namespace,
                                permissions: held, rules: rules)
    }
}
