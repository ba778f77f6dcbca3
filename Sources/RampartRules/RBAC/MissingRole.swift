import RampartModel
import RampartRBAC

/// `rbac.missing-role`: a binding refers to a role that is neither among the inputs nor built in.
struct MissingRole: Rule {
    let metadata = RuleMetadata(
        id: "rbac.missing-role",
        title: "Binding to a missing role",
        severity: .low,
        layer: .controlPlane,
        standards: ["NSA/CISA: RBAC least privilege"],
        rationale: "A binding to a role that does not exist grants nothing today, but grants whatever a role created later under that name holds, to subjects nobody reviews any more.",
        remediation: "Delete the binding, or add the role it needs to the same manifests.")

    var reads: Set<ResourceKind> { RBACPolicy.reads }

    func evaluate(in context: AuditContext) -> [Violation] {
        let policy = context.rbacPolicy
        return policy.bindings.compactMap { binding in
            guard !binding.isBootstrapObject, let problem = policy.unresolved(binding) else { return nil }
            return Violation(object: binding.object, path: "roleRef", message: "\(problem.binding) grants nothing: \(problem.reason)")
        }
    }
}
