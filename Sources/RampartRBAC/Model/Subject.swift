import RampartModel

/// A subject of a binding: a User, a Group or a ServiceAccount (`rbac.authorization.k8s.io/v1` `Subject`).
public struct Subject: Sendable, Hashable, Comparable, Codable {
    /// The subject kinds Kubernetes knows. Any other kind never matches a user.
    public enum Kind: String, Sendable, Codable, Comparable {
        case user = "User", group = "Group", serviceAccount = "ServiceAccount"

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind
    public var name: String
    /// The service account's namespace; nil for users and groups.
    public var namespace: String?

    public init(kind: Kind, name: String, namespace: String? = nil) {
        self.kind = kind
        self.name = name
        self.namespace = kind == .serviceAccount ? namespace : nil
    }

    /// Reads a subject of a binding in `bindingNamespace` (nil for a ClusterRoleBinding). A service
    /// account without a namespace is the binding's own namespace's, as the authorizer reads it.
    /// Returns nil for unknown kinds and for a service account that names no namespace at all.
    init?(_ node: Node, bindingNamespace: String?) {
        guard let kind = node["kind"]?.string.flatMap(Kind.init(rawValue:)) else { return nil }
        let name = node["name"]?.string ?? ""
        var namespace: String?
        if kind == .serviceAccount {
            namespace = node["namespace"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? bindingNamespace
            guard namespace != nil else { return nil }
        }
        self.init(kind: kind, name: name, namespace: namespace)
    }

    /// The user name of a service account: `system:serviceaccount:NS:NAME`.
    public static func serviceAccountUserName(namespace: String, name: String) -> String {
        "system:serviceaccount:\(namespace):\(name)"
    }

    /// The namespace whose service accounts the subject names: a ServiceAccount's, that of the group
    /// `system:serviceaccounts:NS`, or that of the user `system:serviceaccount:NS:NAME`; nil otherwise.
    public var accountNamespace: String? {
        switch kind {
        case .serviceAccount:
            return namespace
        case .group where name.hasPrefix(Self.serviceAccountGroupPrefix):
            return String(name.dropFirst(Self.serviceAccountGroupPrefix.count))
        case .user where name.hasPrefix(Self.serviceAccountUserPrefix):
            let rest = name.dropFirst(Self.serviceAccountUserPrefix.count)
            guard let colon = rest.firstIndex(of: ":"), colon != rest.startIndex else { return nil }
            return String(rest[..<colon])
        case .user, .group:
            return nil
        }
    }

    static let serviceAccountGroupPrefix = "system:serviceaccounts:"
    static let serviceAccountUserPrefix = "system:serviceaccount:"

    /// `User alice`, `Group devs`, `ServiceAccount ns/builder`.
    public var description: String {
        "\(kind.rawValue) \(namespace.map { $0 + "/" } ?? "")\(name)"
    }

    public static func < (lhs: Subject, rhs: Subject) -> Bool {
        (lhs.kind, lhs.namespace ?? "", lhs.name) < (rhs.kind, rhs.namespace ?? "", rhs.name)
    }
}
