import RampartModel
import RampartRBAC

/// `rbac.cross-namespace-subject`: a RoleBinding grants a role to service accounts of another namespace.
struct CrossNamespaceSubject: SubjectRule {
    let metadata = RuleMetadata(
        id: "rbac.cross-namespace-subject",
        title: "RoleBinding to service accounts of another namespace",
        severity: .medium,
        layer: .tenancy,
        standards: ["NSA/CISA: RBAC least privilege"],
        rationale: "A RoleBinding that names another namespace's service accounts opens this namespace to whoever runs pods there, often another tenant.",
        remediation: "Keep bindings to the namespace's own service accounts, or document the cross-namespace grant as a platform exception.")

    func problem(with subject: Subject, in binding: RBACBinding, context: AuditContext) -> String? {
        guard let namespace = binding.namespace, let other = Self.serviceAccountNamespace(of: subject), other != namespace else { return nil }
        return "service accounts of namespace \(other) act in namespace \(namespace)"
    }

    /// The namespace of a service account subject (`ServiceAccount`, its user name, or the group of
    /// all service accounts of a namespace).
    static func serviceAccountNamespace(of subject: Subject) -> String? {
        switch subject.kind {
        case .serviceAccount: subject.namespace
        case .user: RequestUser.serviceAccount(userName: subject.name)?.namespace
        case .group where subject.name.hasPrefix("system:serviceaccounts:"): String(subject.name.dropFirst("system:serviceaccounts:".count))
        case .group: nil
        }
    }
}
