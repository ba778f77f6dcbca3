/// The user a request comes from, as the authenticator hands it to the authorizer: a name and groups.
public struct RequestUser: Sendable, Hashable {
    /// The user name; nil for a user known only by its groups (it matches no User subject).
    public var name: String?
    public var groups: [String]

    /// The group whose members kube-apiserver allows everything, before RBAC is asked.
    public static let privilegedGroup = "system:masters"
    public static let serviceAccountPrefix = "system:serviceaccount:"

    /// A user with exactly `groups`, plus, for a service-account user name
    /// (`system:serviceaccount:NS:NAME`), the groups the service-account authenticator adds:
    /// `system:serviceaccounts`, `system:serviceaccounts:NS` and `system:authenticated`.
    public init(name: String?, groups: [String] = []) {
        self.name = name
        var all = groups
        if let account = name.flatMap(Self.serviceAccount(userName:)) {
            for group in ["system:serviceaccounts", "system:serviceaccounts:\(account.namespace)", "system:authenticated"]
            where !all.contains(group) {
                all.append(group)
            }
        }
        self.groups = all
    }

    /// The namespace and name of a service-account user name, or nil for other names.
    public static func serviceAccount(userName: String) -> (namespace: String, name: String)? {
        guard userName.hasPrefix(serviceAccountPrefix) else { return nil }
        let parts = userName.dropFirst(serviceAccountPrefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// True for members of `system:masters`.
    public var isPrivileged: Bool { groups.contains(Self.privilegedGroup) }

    /// `appliesTo` of the authorizer: whether a binding's `subject` names this user. Subjects are
    /// read with a service account's missing namespace already defaulted to the binding's.
    public func matches(_ subject: Subject) -> Bool {
        switch subject.kind {
        case .user:
            return name == subject.name
        case .group:
            return groups.contains(subject.name)
        case .serviceAccount:
            guard let namespace = subject.namespace, let name else { return false }
            return name == Subject.serviceAccountUserName(namespace: namespace, name: subject.name)
        }
    }
}
