/// The kinds of an RBAC object, as written in `kind`.
public protocol RBACKind: RawRepresentable<String>, Sendable, Hashable, Codable {}

/// The two kinds of role.
public enum RoleKind: String, RBACKind {
    case role = "Role", clusterRole = "ClusterRole"
}

/// The two kinds of binding.
public enum BindingKind: String, RBACKind {
    case roleBinding = "RoleBinding", clusterRoleBinding = "ClusterRoleBinding"
}

/// Names an RBAC object: kind, namespace (nil for cluster-scoped kinds) and name.
public struct RBACName<Kind: RBACKind>: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var kind: Kind
    public var namespace: String?
    public var name: String

    public init(kind: Kind, namespace: String?, name: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// `ClusterRole/view`, `RoleBinding/ns1/readers`.
    public var description: String {
        "\(kind.rawValue)/\(namespace.map { $0 + "/" } ?? "")\(name)"
    }

    public static func < (lhs: RBACName, rhs: RBACName) -> Bool {
        (lhs.kind.rawValue, lhs.namespace ?? "", lhs.name) < (rhs.kind.rawValue, rhs.namespace ?? "", rhs.name)
    }

    private enum CodingKeys: String, CodingKey { case kind, namespace, name }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(namespace, forKey: .namespace)
        try container.encode(name, forKey: .name)
    }
}

/// Identifies a Role (kind, namespace, name) or a ClusterRole (kind, name).
public typealias RoleKey = RBACName<RoleKind>
/// Identifies a RoleBinding or a ClusterRoleBinding.
public typealias BindingReference = RBACName<BindingKind>

extension RBACName where Kind == RoleKind {
    public static func clusterRole(_ name: String) -> RoleKey { RoleKey(kind: .clusterRole, namespace: nil, name: name) }
}
