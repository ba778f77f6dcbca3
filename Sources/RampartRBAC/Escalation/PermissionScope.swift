/// Where a permission holds: what a ClusterRoleBinding grants holds everywhere, what a RoleBinding
/// grants holds in its namespace.
public enum PermissionScope: Sendable, Hashable {
    /// Every namespace and the cluster-scoped resources (a ClusterRoleBinding).
    case cluster
    /// Every namespace, but no cluster-scoped resource (RoleBindings the subject may create anywhere).
    case everyNamespace
    /// One namespace (a RoleBinding).
    case namespace(String)

    /// True when a namespaced request in `namespace` is covered.
    func covers(_ namespace: String) -> Bool {
        switch self {
        case .cluster, .everyNamespace: return true
        case .namespace(let own): return own == namespace
        }
    }

    /// The namespace the scope is limited to; nil for `cluster` and `everyNamespace`.
    public var namespace: String? {
        if case .namespace(let name) = self { return name }
        return nil
    }

    /// Where a namespaced permission of both scopes holds, or nil when nowhere.
    func intersection(_ other: PermissionScope) -> PermissionScope? {
        switch (self, other) {
        case (.namespace(let left), _): return other.covers(left) ? self : nil
        case (_, .namespace): return other.intersection(self)
        case (.cluster, .cluster): return .cluster
        default: return .everyNamespace
        }
    }

    /// `cluster-wide`, `in every namespace`, `in namespace team-a`.
    public var description: String {
        switch self {
        case .cluster: return "cluster-wide"
        case .everyNamespace: return "in every namespace"
        case .namespace(let name): return "in namespace \(name)"
        }
    }
}
