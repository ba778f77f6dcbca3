import RampartModel

/// `rbac.rbac-write`: a binding lets a non-system subject write roles or bindings.
struct RBACWrite: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.rbac-write",
        title: "Write roles or role bindings",
        severity: .medium,
        layer: .controlPlane,
        standards: ["NSA/CISA: RBAC least privilege"],
        rationale: "Whoever writes bindings hands out every permission they hold (and, with escalate or bind, more) to any subject, other tenants' included.",
        remediation: "Let the platform manage RBAC through its pipeline; give tenants RoleBindings to a fixed set of roles.")

    let permissions = Permission.requests(["create", "update", "patch"], group: "rbac.authorization.k8s.io", ["roles", "rolebindings"])
        + Permission.requests(["create", "update", "patch"], group: "rbac.authorization.k8s.io", ["clusterroles", "clusterrolebindings"],
                              clusterScoped: true)
}
