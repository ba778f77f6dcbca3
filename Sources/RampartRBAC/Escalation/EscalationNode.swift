/// A power a subject can reach: an identity it can act as, or a set of permissions it can take.
/// The `any…`/`pod…` cases are hubs ("any service account of N") that fan out to identities.
enum EscalationNode: Hashable, Sendable {
    /// A user, a service account or an impersonated user with groups: its bindings are its power.
    case identity(RequestUser)
    /// Any service account of a namespace (nil: of every namespace).
    case anyAccount(namespace: String?)
    /// The service accounts whose tokens the running pods of a namespace mount (nil: every namespace).
    case podAccounts(namespace: String?)
    /// The rules of one role, bound in a scope.
    case role(RoleKey, PermissionScope)
    /// Every verb on every resource in a scope; `admin(.cluster)` is cluster-admin.
    case admin(PermissionScope)
    /// What a deploying controller (Argo CD) applies for its users in a scope: every namespaced
    /// permission there, but not the Namespace object itself.
    case deployer(PermissionScope)
    /// Control of a namespace's labels (nil: of every namespace's): its Pod Security level, its
    /// tenant label, what namespace selectors of NetworkPolicies and admission bindings see.
    case relabel(namespace: String?)
    /// A node's host, taken from a privileged pod: an end of paths, like cluster-admin.
    case nodes
    /// A user or service account impersonated under constrained impersonation (`mode`): its
    /// bindings' power, within the actions the impersonator's `impersonate-on` rules (`gates`) allow.
    case impersonated(RequestUser, mode: String, gates: [ImpersonationGate])

    /// Cluster-admin-equivalent power.
    static let clusterAdmin = EscalationNode.admin(.cluster)

    /// True for hubs, which paths pass through on the way to one identity.
    var isHub: Bool {
        switch self {
        case .anyAccount, .podAccounts: return true
        default: return false
        }
    }

    /// The namespace the node is inside of, if any (for tenant boundaries).
    var namespace: String? {
        switch self {
        case .identity(let user), .impersonated(let user, _, _):
            return user.name.flatMap(RequestUser.serviceAccount(userName:))?.namespace
        case .anyAccount(let namespace), .podAccounts(let namespace):
            return namespace
        case .role(_, let scope), .admin(let scope), .deployer(let scope):
            return scope.namespace
        case .relabel(let namespace):
            return namespace
        case .nodes:
            return nil
        }
    }

    /// The subject this node is, for identities that are one user, group or service account.
    var subject: Subject? {
        switch self {
        case .identity(let user), .impersonated(let user, _, _): return user.subject
        default: return nil
        }
    }

    /// `ServiceAccount team-a/builder`, `any service account of namespace team-a`, `cluster-admin`…
    var description: String {
        switch self {
        case .identity(let user):
            return user.identityDescription
        case .anyAccount(let namespace):
            return namespace.map { "any service account of namespace \($0)" } ?? "any service account of any namespace"
        case .podAccounts(let namespace):
            return "the service accounts of the pods running " + (namespace.map { "in namespace \($0)" } ?? "anywhere")
        case .role(let key, let scope):
            return "\(key) bound \(scope.description)"
        case .admin(.cluster):
            return "cluster-admin"
        case .admin(let scope):
            return "every permission \(scope.description)"
        case .deployer(let scope):
            return "what Argo CD deploys \(scope.description)"
        case .relabel(let namespace):
            return namespace.map { "the labels of namespace \($0)" } ?? "the labels of every namespace"
        case .nodes:
            return "the nodes (a privileged pod's host)"
        case .impersonated(let user, let mode, _):
            return "\(user.identityDescription), impersonated for what impersonate-on:\(mode) allows"
        }
    }
}

extension RequestUser {
    /// Canonical groups, so that equal identities hash equally.
    init(name: String?, sortedGroups groups: Set<String>) {
        self.init(name: name, groups: groups.sorted())
    }

    /// The subject a user stands for: its service account, its user name, or its only group.
    var subject: Subject? {
        if let name {
            if let account = RequestUser.serviceAccount(userName: name) {
                return Subject(kind: .serviceAccount, name: account.name, namespace: account.namespace)
            }
            return Subject(kind: .user, name: name)
        }
        let named = groups.filter { $0 != Subject.authenticatedGroup }
        return named.count == 1 ? Subject(kind: .group, name: named[0]) : nil
    }

    /// `User alice (groups a, b)`, `ServiceAccount ns/name`, `Group devs`.
    var identityDescription: String {
        if let name, let account = RequestUser.serviceAccount(userName: name) {
            return Subject(kind: .serviceAccount, name: account.name, namespace: account.namespace).description
        }
        let shown = groups.filter { $0 != Subject.authenticatedGroup }
        if let name {
            return "User \(name)" + (shown.isEmpty ? "" : " (groups \(shown.joined(separator: ", ")))")
        }
        return (shown.count == 1 ? "Group " : "Groups ") + shown.joined(separator: ", ")
    }
}

extension Subject {
    /// The group every authenticated user is in.
    static let authenticatedGroup = "system:authenticated"
    static let unauthenticatedGroup = "system:unauthenticated"
    static let anonymousUser = "system:anonymous"

    /// The user a request of this subject comes from: a service account with its groups; a user
    /// or a group member with `system:authenticated` (`system:unauthenticated` for anonymous).
    var requestUser: RequestUser {
        switch kind {
        case .serviceAccount:
            return RequestUser(name: Subject.serviceAccountUserName(namespace: namespace ?? "", name: name))
        case .user:
            let everyone = name == Self.anonymousUser ? Self.unauthenticatedGroup : Self.authenticatedGroup
            return RequestUser(name: name, sortedGroups: [everyone])
        case .group:
            let everyone = name == Self.unauthenticatedGroup ? name : Self.authenticatedGroup
            return RequestUser(name: nil, sortedGroups: [name, everyone])
        }
    }
}
