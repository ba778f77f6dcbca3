import RampartModel

/// The bindings of a policy indexed for tenant boundaries: the boundary of one tenant reads only the
/// bindings that can cross it (the RoleBindings of its namespaces, the bindings that name its service
/// accounts, and the ClusterRoleBindings, whose crossings are worked out once for every tenant), so a
/// cluster of thousands of tenants costs each tenant its own share, not the whole cluster.
public struct BoundaryIndex: Sendable {
    public let policy: RBACPolicy
    /// Positions in `policy.bindings` of each namespace's RoleBindings.
    private let roleBindingPositions: [String: [Int]]
    /// Positions of the RoleBindings that name a service account of each namespace (see `Subject.accountNamespace`).
    private let accountBindingPositions: [String: [Int]]
    /// Users and groups that only RoleBindings name, with those RoleBindings' namespaces.
    private let roleBindingNamespaces: [Subject: Set<String>]
    /// The subjects of the ClusterRoleBindings that cross some boundary, in order.
    private let clusterSubjects: [ClusterSubject]
    /// Positions in `clusterSubjects` of the subjects that belong to each namespace's tenant.
    private let clusterSubjectPositions: [String: [Int]]
    /// The inbound crossings of the ClusterRoleBindings' subjects, in order: the same for every tenant
    /// but the one a subject belongs to, so worked out once for all.
    public let clusterInbound: [ClusterInbound]
    /// Positions of the ClusterRoleBindings that name a service account by its user name
    /// (`system:serviceaccount:NS:NAME`), which the boundary reads as any user's.
    public let accountUserClusterPositions: [Int]

    /// An inbound crossing of a ClusterRoleBinding's subject, inbound for every tenant but its own.
    public struct ClusterInbound: Sendable {
        /// The namespace whose tenant the subject belongs to; nil when it belongs to no tenant.
        public let namespace: String?
        public let crossing: BoundaryCrossing
    }

    /// A subject of a ClusterRoleBinding with what it holds across a boundary.
    private struct ClusterSubject: Sendable {
        /// The namespace whose tenant the subject belongs to (a service account or `system:serviceaccounts:NS`);
        /// nil when it belongs to no tenant.
        let namespace: String?
        /// Its crossing into a tenant it does not belong to.
        let inbound: BoundaryCrossing?
        /// Its crossing out of the tenant it belongs to.
        let outbound: BoundaryCrossing?
    }

    public init(_ policy: RBACPolicy) {
        self.policy = policy
        var roleBindings: [String: [Int]] = [:]
        var accounts: [String: [Int]] = [:]
        var namespacesOfName: [Subject: Set<String>] = [:]
        var clusterNamed: Set<Subject> = []
        var cluster: [ClusterSubject] = []
        var accountUsers: [Int] = []
        for (position, binding) in policy.bindings.enumerated() {
            guard let namespace = binding.namespace, binding.kind == .roleBinding else {
                clusterNamed.formUnion(binding.subjects.map(\.subject).filter { $0.kind != .serviceAccount })
                if let subjects = Self.clusterSubjects(binding, policy) { cluster += subjects }
                if binding.subjects.contains(where: { $0.subject.kind == .user && $0.subject.accountNamespace != nil }) {
                    accountUsers.append(position)
                }
                continue
            }
            roleBindings[namespace, default: []].append(position)
            for bound in binding.subjects {
                if let owner = bound.subject.accountNamespace, accounts[owner]?.last != position {
                    accounts[owner, default: []].append(position)
                }
                if bound.subject.kind != .serviceAccount { namespacesOfName[bound.subject, default: []].insert(namespace) }
            }
        }
        roleBindingPositions = roleBindings
        accountBindingPositions = accounts
        roleBindingNamespaces = namespacesOfName.filter { !clusterNamed.contains($0.key) }
        clusterSubjects = cluster
        var positions: [String: [Int]] = [:]
        for (position, subject) in cluster.enumerated() {
            if let namespace = subject.namespace { positions[namespace, default: []].append(position) }
        }
        clusterSubjectPositions = positions
        clusterInbound = cluster.compactMap { subject in subject.inbound.map { ClusterInbound(namespace: subject.namespace, crossing: $0) } }
        accountUserClusterPositions = accountUsers
    }

    /// The crossings of a ClusterRoleBinding's subjects; nil when it crosses no boundary.
    private static func clusterSubjects(_ binding: RBACBinding, _ policy: RBACPolicy) -> [ClusterSubject]? {
        guard case .resolved(let role) = policy.role(of: binding) else { return nil }
        let subjects = binding.subjects.map { bound in
            let subject = bound.subject
            let namespace = subject.kind == .user ? nil : subject.accountNamespace
            return ClusterSubject(
                namespace: namespace,
                inbound: policy.crossing(subject, binding, role, probes: BoundaryProbe.namespaced, onlyKinds: [.read, .write]),
                outbound: namespace == nil ? nil : policy.crossing(subject, binding, role, probes: BoundaryProbe.namespaced + BoundaryProbe.cluster,
                                                                   onlyKinds: nil))
        }
        return subjects.contains { $0.inbound != nil || $0.outbound != nil } ? subjects : nil
    }

    /// Positions in `policy.bindings` of the RoleBindings of `namespaces` and of the RoleBindings that
    /// name their service accounts, in order: the only RoleBindings that can cross their boundary.
    public func roleBindingPositions(crossing namespaces: Set<String>) -> [Int] {
        var positions: Set<Int> = []
        for namespace in namespaces {
            positions.formUnion(roleBindingPositions[namespace] ?? [])
            positions.formUnion(accountBindingPositions[namespace] ?? [])
        }
        return positions.sorted()
    }

    /// The boundary of `namespaces`. A service account (or service-account group) is inside when its
    /// namespace is one of them; a user or group is inside when every binding that names it is a
    /// RoleBinding of one of them. Bootstrap bindings and `system:masters` are not considered.
    public func boundary(of namespaces: Set<String>) -> TenantBoundary {
        let own = boundary(withoutClusterInboundOf: namespaces)
        let cluster = clusterInbound.filter { !($0.namespace.map(namespaces.contains) ?? false) }.map(\.crossing)
        return TenantBoundary(inbound: cluster + own.inbound, outbound: own.outbound)
    }

    /// The boundary of `namespaces` but the ClusterRoleBindings' inbound crossings (`clusterInbound`,
    /// less those of subjects of `namespaces`, come before these in `boundary(of:)`): a tenant's own
    /// share, whatever the number of tenants.
    public func boundary(withoutClusterInboundOf namespaces: Set<String>) -> TenantBoundary {
        var inbound: [BoundaryCrossing] = []
        var outbound: [BoundaryCrossing] = []
        let ownClusterSubjects = namespaces.flatMap { clusterSubjectPositions[$0] ?? [] }.sorted()
        for position in ownClusterSubjects {
            if let crossing = clusterSubjects[position].outbound { outbound.append(crossing) }
        }
        func isInside(_ subject: Subject) -> Bool {
            if subject.kind == .user { return roleBindingNamespaces[subject]?.isSubset(of: namespaces) ?? false }
            if let namespace = subject.accountNamespace { return namespaces.contains(namespace) }
            return roleBindingNamespaces[subject]?.isSubset(of: namespaces) ?? false
        }
        for position in roleBindingPositions(crossing: namespaces) {
            let binding = policy.bindings[position]
            guard case .resolved(let role) = policy.role(of: binding) else { continue }
            let bindingInside = binding.namespace.map(namespaces.contains) ?? false
            for bound in binding.subjects {
                let inside = isInside(bound.subject)
                if !inside, bindingInside {
                    if let crossing = policy.crossing(bound.subject, binding, role, probes: BoundaryProbe.namespaced, onlyKinds: [.read, .write]) {
                        inbound.append(crossing)
                    }
                } else if inside, !bindingInside, bound.subject.kind != .user, bound.subject.accountNamespace != nil,
                          let crossing = policy.crossing(bound.subject, binding, role, probes: BoundaryProbe.namespaced, onlyKinds: nil) {
                    outbound.append(crossing)
                }
            }
        }
        return TenantBoundary(inbound: inbound, outbound: outbound)
    }
}
