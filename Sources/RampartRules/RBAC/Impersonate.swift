import RampartModel

/// `rbac.impersonate`: a binding lets a non-system subject impersonate users, groups or service accounts.
struct Impersonate: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.impersonate",
        title: "Impersonation of users, groups or service accounts",
        severity: .critical,
        layer: .controlPlane,
        standards: ["CIS 5.1.8", "NSA/CISA: RBAC least privilege"],
        rationale: "Impersonating a user or group (system:masters included) gives all of its permissions; impersonating a service account gives that account's.",
        remediation: "Remove impersonate, or restrict it with resourceNames to the identities a proxy really needs.")

    let permissions = Permission.requests(["impersonate"], ["users", "groups"], clusterScoped: true)
        + Permission.requests(["impersonate"], ["serviceaccounts"])
        + Permission.requests(["impersonate"], group: "authentication.k8s.io", ["uids"], clusterScoped: true)
}
