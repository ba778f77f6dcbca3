import RampartModel
import RampartRBAC

/// `rbac.broad-group`: a binding grants a role to everyone (anonymous, all authenticated users, all service accounts).
struct BroadGroup: SubjectRule {
    let metadata = RuleMetadata(
        id: "rbac.broad-group",
        title: "Role granted to anonymous users, every authenticated user or every service account",
        severity: .high,
        layer: .controlPlane,
        standards: ["NSA/CISA: RBAC least privilege", "MITRE ATT&CK: Access the Kubernetes API server"],
        rationale: "system:anonymous and system:unauthenticated are anyone who reaches the API server; system:authenticated and system:serviceaccounts are every tenant and every pod in the cluster.",
        remediation: "Bind the role to the groups or service accounts that need it.")

    /// The subjects that stand for whole populations, and who they are.
    static let populations: [Subject: String] = [
        Subject(kind: .user, name: "system:anonymous"): "every unauthenticated request",
        Subject(kind: .group, name: "system:unauthenticated"): "every unauthenticated request",
        Subject(kind: .group, name: "system:authenticated"): "every authenticated user and service account of every tenant",
        Subject(kind: .group, name: "system:serviceaccounts"): "every service account of every namespace",
    ]

    func problem(with subject: Subject, in binding: RBACBinding, context: AuditContext) -> String? {
        Self.populations[subject].map { "that is \($0)" }
    }
}
