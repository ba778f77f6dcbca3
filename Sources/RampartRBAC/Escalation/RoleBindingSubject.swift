/// A user or group that RoleBindings name, with the namespaces of those RoleBindings: the tenant
/// whose namespaces hold all of them owns it (`EscalationAnalysis.subjects(of:in:)`). Groups that
/// stand for everyone (`system:authenticated`…) and other `system:` users and groups are never one.
struct RoleBindingSubject: Sendable {
    var subject: Subject
    /// The namespaces of the RoleBindings that name `subject`, in policy order (never empty).
    var namespaces: [String]

    private static let everyone: Set<String> = ["system:authenticated", "system:unauthenticated", "system:serviceaccounts", "system:anonymous"]

    /// The users and groups of `bindingsBySubject` that some RoleBinding names, by the namespace of
    /// the first such RoleBinding, so that a tenant looks only at those of its own namespaces.
    static func byFirstNamespace(_ bindingsBySubject: [Subject: [RBACBinding]]) -> [String: [RoleBindingSubject]] {
        var found: [String: [RoleBindingSubject]] = [:]
        for (subject, bindings) in bindingsBySubject where subject.kind != .serviceAccount {
            guard !subject.name.hasPrefix("system:"), !everyone.contains(subject.name) else { continue }
            let namespaces = bindings.filter { $0.kind == .roleBinding }.compactMap(\.namespace)
            guard let first = namespaces.first else { continue }
            found[first, default: []].append(RoleBindingSubject(subject: subject, namespaces: namespaces))
        }
        return found
    }
}
