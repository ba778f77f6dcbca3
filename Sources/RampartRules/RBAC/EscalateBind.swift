import RampartModel

/// `rbac.escalate-bind`: a binding lets a non-system subject escalate or bind roles.
struct EscalateBind: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.escalate-bind",
        title: "escalate or bind on roles",
        severity: .high,
        layer: .controlPlane,
        standards: ["CIS 5.1.8", "NSA/CISA: RBAC least privilege"],
        rationale: "The API server stops a subject from granting permissions it does not hold, unless it may `escalate` roles (write any rule into a role it can edit) or `bind` them (bind any role, cluster-admin included).",
        remediation: "Remove escalate and bind; if a controller must bind roles, restrict `bind` with resourceNames to the roles it hands out.")

    let permissions = Permission.requests(["escalate", "bind"], group: "rbac.authorization.k8s.io", ["roles", "clusterroles"])
}
