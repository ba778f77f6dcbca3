import RampartModel
import RampartRBAC

/// `rbac.default-service-account`: a binding grants a role to a namespace's `default` service account.
struct DefaultServiceAccount: SubjectRule {
    let metadata = RuleMetadata(
        id: "rbac.default-service-account",
        title: "Role granted to a default service account",
        severity: .medium,
        layer: .controlPlane,
        standards: ["CIS 5.1.5", "NSA/CISA: RBAC least privilege"],
        rationale: "Every pod that names no service account runs as `default`, so a grant to it goes to every such pod of the namespace, present and future.",
        remediation: "Create a dedicated service account for the workload that needs the role and bind that one; leave `default` without bindings.")

    func problem(with subject: Subject, in binding: RBACBinding, context: AuditContext) -> String? {
        let account = subject.kind == .serviceAccount ? subject.name
            : subject.kind == .user ? RequestUser.serviceAccount(userName: subject.name)?.name : nil
        return account == "default" ? "every pod of the namespace that names no service account gets it" : nil
    }
}
