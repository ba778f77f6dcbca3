import RampartModel
import RampartRBAC

/// A binding that names subjects the risk rules report (see `AuditContext.reportableSubjects`),
/// with those subjects and its role, looked up once for every rule. A class: each of the many RBAC
/// rules walks every one, and a struct of strings and arrays was copied field by field each time.
final class ReportableBinding: Sendable {
    let binding: RBACBinding
    /// Never empty.
    let subjects: [RBACBinding.BoundSubject]
    /// The role `roleRef` names; nil when it cannot be found.
    let role: RBACRole?
    /// True when the role has a rule allowing every request (cluster-admin or its equal).
    let grantsEverything: Bool

    init(binding: RBACBinding, subjects: [RBACBinding.BoundSubject], role: RBACRole?, grantsEverything: Bool) {
        self.binding = binding
        self.subjects = subjects
        self.role = role
        self.grantsEverything = grantsEverything
    }
}

/// Every reportable binding, in policy order.
struct ReportableBindings: Sendable {
    let all: [ReportableBinding]
}

extension AuditContext {
    /// The bindings with reportable subjects, worked out once for every RBAC rule.
    var reportableBindings: [ReportableBinding] {
        shared(ReportableBindings.self) { _ in
            let policy = rbacPolicy
            return ReportableBindings(all: policy.bindings.compactMap { binding in
                let subjects = reportableSubjects(of: binding)
                guard !subjects.isEmpty else { return nil }
                guard case .resolved(let role) = policy.role(of: binding) else {
                    return ReportableBinding(binding: binding, subjects: subjects, role: nil, grantsEverything: false)
                }
                return ReportableBinding(binding: binding, subjects: subjects, role: role,
                                         grantsEverything: role.rules.contains { ClusterAdmin.isFullAccess($0.rule) })
            })
        }.all
    }
}
