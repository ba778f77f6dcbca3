import RampartModel
import RampartRBAC

extension AuditContext {
    /// The RBAC policy of the inventory (built-in bootstrap roles included), built once for every
    /// RBAC rule.
    var rbacPolicy: RBACPolicy {
        shared(RBACPolicy.self) { RBACPolicy(inventory: $0) }
    }

    /// The subjects of `binding` that risk rules report: none for the bootstrap policy's own
    /// bindings, and never system components. System components are users and groups named
    /// `system:*` (kube-apiserver's, the controllers', the nodes'; `system:masters` too) and service
    /// accounts of the platform namespaces (`kube-system`…). The broad groups `system:authenticated`,
    /// `system:unauthenticated`, `system:serviceaccounts[:NS]` and the user `system:anonymous` are
    /// not components: they stand for everyone, and are reported.
    func reportableSubjects(of binding: RBACBinding) -> [RBACBinding.BoundSubject] {
        guard !binding.isBootstrapObject else { return [] }
        return binding.subjects.filter { !isSystemComponent($0.subject) }
    }

    /// True for subjects that are parts of Kubernetes or of the platform (see `reportableSubjects`).
    func isSystemComponent(_ subject: Subject) -> Bool {
        switch subject.kind {
        case .serviceAccount:
            return subject.namespace.map(settings.platformNamespaces.contains) ?? false
        case .user:
            if let account = RequestUser.serviceAccount(userName: subject.name) {
                return settings.platformNamespaces.contains(account.namespace)
            }
            return subject.name.hasPrefix("system:") && subject.name != "system:anonymous"
        case .group:
            if subject.name.hasPrefix("system:serviceaccounts:") {
                return settings.platformNamespaces.contains(String(subject.name.dropFirst("system:serviceaccounts:".count)))
            }
            return subject.name.hasPrefix("system:") && !Self.everyoneGroups.contains(subject.name)
        }
    }

    /// Groups that stand for whole populations of users.
    static let everyoneGroups: Set<String> = ["system:authenticated", "system:unauthenticated", "system:serviceaccounts"]
}
