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
    /// The role's number among the roles reportable bindings name (from 0; -1 when `role` is nil),
    /// so that rules keep what they work out per role in arrays.
    let roleNumber: Int
    /// True when the role has a rule allowing every request (cluster-admin or its equal).
    let grantsEverything: Bool

    init(binding: RBACBinding, subjects: [RBACBinding.BoundSubject], role: RBACRole?, roleNumber: Int) {
        self.binding = binding
        self.subjects = subjects
        self.role = role
        self.roleNumber = roleNumber
        grantsEverything = role?.rules.contains { ClusterAdmin.isFullAccess($0.rule) } ?? false
    }
}

/// Every reportable binding, in policy order.
struct ReportableBindings: Sendable {
    let all: [ReportableBinding]
    /// How many roles they name.
    let roles: Int
}

extension AuditContext {
    /// The bindings with reportable subjects, worked out once for every RBAC rule.
    var reportableBindings: [ReportableBinding] { reportable.all }

    /// How many roles the reportable bindings name (their `roleNumber`s are below it).
    var reportableRoles: Int { reportable.roles }

    private var reportable: ReportableBindings {
        shared(ReportableBindings.self) { _ in
            let policy = rbacPolicy
            var numbers: [RoleKey: Int] = [:]
            let all = policy.bindings.compactMap { binding -> ReportableBinding? in
                let subjects = reportableSubjects(of: binding)
                guard !subjects.isEmpty else { return nil }
                guard case .resolved(let role) = policy.role(of: binding) else {
                    return ReportableBinding(binding: binding, subjects: subjects, role: nil, roleNumber: -1)
                }
                let number = numbers[role.key] ?? numbers.count
                numbers[role.key] = number
                return ReportableBinding(binding: binding, subjects: subjects, role: role, roleNumber: number)
            }
            return ReportableBindings(all: all, roles: numbers.count)
        }
    }
}
