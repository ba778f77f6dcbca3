import RampartModel
import RampartRBAC

/// A risk rule about who a binding names, whatever the role: one finding per offending subject,
/// on `subjects[i]`.
protocol SubjectRule: Rule {
    /// Why `subject` of `binding` is reported, or nil when it is not.
    func problem(with subject: Subject, in binding: RBACBinding, context: AuditContext) -> String?
}

extension SubjectRule {
    var reads: Set<ResourceKind> { RBACPolicy.reads }

    func evaluate(in context: AuditContext) -> [Violation] {
        context.reportableBindings.flatMap { reportable in
            let binding = reportable.binding
            return reportable.subjects.compactMap { bound -> Violation? in
                guard let problem = problem(with: bound.subject, in: binding, context: context) else { return nil }
                let role = binding.roleKey.map(\.description) ?? "roleRef \(binding.roleRefKind)/\(binding.roleRefName)"
                return Violation(object: binding.object, path: FieldPath([.key("subjects"), .index(bound.index)]),
                                 message: "\(binding.reference) binds \(role) to \(bound.subject.description): \(problem)")
            }
        }
    }
}
