import RampartModel
import RampartRBAC

/// One grant across a tenant's control-plane boundary: a crossing of the RBAC engine, or one the
/// tenancy model adds (see `ControlPlaneBoundary`).
struct Crossing {
    let subject: Subject
    let binding: RBACBinding
    let role: RoleKey
    /// Where the grant holds: a namespace, or nil for a ClusterRoleBinding.
    let namespace: String?
    let permissions: [BoundaryProbe]
    /// `rules[i] of Role/…` for each role rule that grants one of the permissions.
    let rules: [String]
    /// `get secrets, list secrets` (labels in probe order, duplicates removed).
    let summary: String

    init(_ crossing: BoundaryCrossing) {
        subject = crossing.subject
        binding = crossing.binding
        role = crossing.role
        namespace = crossing.namespace
        permissions = crossing.permissions
        rules = crossing.rules
        summary = crossing.summary
    }

    /// What `role`, bound to `subject` by `binding`, allows among `probes`; nil when nothing.
    init?(_ subject: Subject, _ binding: RBACBinding, _ role: RBACRole, probes: [BoundaryProbe], kinds: Set<BoundaryProbe.Kind>?,
          policy: RBACPolicy) {
        guard let crossing = policy.crossing(subject, binding, role, probes: probes, onlyKinds: kinds) else { return nil }
        self.init(crossing)
    }

    var kinds: Set<BoundaryProbe.Kind> { Set(permissions.map(\.kind)) }
}

/// The control-plane boundary of a tenant: the RBAC engine's, with what the engine cannot know
/// about tenants added.
///
/// The engine counts a user or group as inside a set of namespaces when every binding that names it
/// is a RoleBinding there. That holds for a tenant's own people, never for a subject that spans
/// tenants: `system:authenticated`, `system:unauthenticated`, `system:serviceaccounts` and the user
/// `system:anonymous` are everyone, whichever namespace binds them; the user name of a service
/// account (`system:serviceaccount:NS:NAME`) belongs to the tenant of NS, like the service account.
struct ControlPlaneBoundary {
    /// Outside subjects with read or write permissions inside, but the ClusterRoleBindings' (which
    /// `ClusterInboundCrossings` holds for every tenant).
    let inbound: [Crossing]
    /// The tenant's service accounts (by kind, group or user name) with permissions elsewhere.
    let outbound: [Crossing]

    /// What a subject is to the tenancy model.
    enum Membership: Equatable {
        /// Everyone, every authenticated user or every service account: never one tenant's.
        case everyone
        /// Service accounts of one namespace (a ServiceAccount, `system:serviceaccounts:NS`, `system:serviceaccount:NS:NAME`).
        case serviceAccounts(namespace: String)
        /// A user or group of its own.
        case named
    }

    static let everyone: Set<String> = ["system:authenticated", "system:unauthenticated", "system:serviceaccounts", "system:anonymous"]

    static func membership(of subject: Subject) -> Membership {
        if subject.kind != .serviceAccount, everyone.contains(subject.name) { return .everyone }
        return subject.accountNamespace.map { .serviceAccounts(namespace: $0) } ?? .named
    }

    /// The boundary of `members` from the engine's without the ClusterRoleBindings' inbound crossings
    /// (`BoundaryIndex.boundary(withoutClusterInboundOf:)`), those being `cluster`. `index`: the RBAC
    /// policy's bindings; only those that can cross the boundary of `members` are read.
    init(_ engine: TenantBoundary, namespaces members: Set<String>, index: BoundaryIndex, cluster: ClusterInboundCrossings) {
        var inbound = engine.inbound.map(Crossing.init)
        var outbound = engine.outbound.map(Crossing.init)
        let own = Set(engine.inbound.map { Key($0.binding.reference, $0.subject) })
        // The subjects these grants are read for never belong to a tenant's namespace: none of the
        // cluster-wide crossings they are checked against is left out of this tenant's.
        func isKnown(_ key: Key) -> Bool { own.contains(key) || cluster.keys.contains(key) }
        let rbac = index.policy
        let positions = index.accountUserClusterPositions + index.roleBindingPositions(crossing: members)
        for binding in positions.map({ rbac.bindings[$0] }) where !binding.isBootstrapObject {
            guard case .resolved(let role) = rbac.role(of: binding) else { continue }
            let bindingInside = binding.namespace.map(members.contains) ?? false
            let clusterWide = binding.kind == .clusterRoleBinding
            for bound in binding.subjects where bound.subject.kind != .serviceAccount {
                let subject = bound.subject
                switch Self.membership(of: subject) {
                case .everyone where bindingInside:
                    // The engine took it for the tenant's own group: only RoleBindings of the tenant name it.
                    if !isKnown(Key(binding.reference, subject)),
                       let crossing = Crossing(subject, binding, role, probes: BoundaryProbe.namespaced, kinds: [.read, .write], policy: rbac) {
                        inbound.append(crossing)
                    }
                case .serviceAccounts(let namespace) where subject.kind == .user:
                    // The engine reads the user name of a service account as any user's.
                    let inside = members.contains(namespace)
                    if !inside, bindingInside || clusterWide, !isKnown(Key(binding.reference, subject)),
                       let crossing = Crossing(subject, binding, role, probes: BoundaryProbe.namespaced, kinds: [.read, .write], policy: rbac) {
                        inbound.append(crossing)
                    } else if inside, !bindingInside,
                              let crossing = Crossing(subject, binding, role, probes: BoundaryProbe.namespaced + (clusterWide ? BoundaryProbe.cluster : []),
                                                      kinds: nil, policy: rbac) {
                        outbound.append(crossing)
                    }
                default:
                    continue
                }
            }
        }
        self.inbound = inbound
        self.outbound = outbound
    }

    /// A crossing's binding and subject.
    struct Key: Hashable, Sendable {
        let binding: BindingReference
        let subject: Subject

        init(_ binding: BindingReference, _ subject: Subject) {
            self.binding = binding
            self.subject = subject
        }
    }
}
