import RampartModel

/// `rbac.namespace-list`: a ClusterRoleBinding lets a non-system subject list or watch namespaces.
struct NamespaceList: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.namespace-list",
        title: "List or watch every namespace",
        severity: .medium,
        layer: .tenancy,
        standards: ["NSA/CISA: RBAC least privilege", "MITRE ATT&CK: Access the Kubernetes API server"],
        rationale: "Listing namespaces enumerates every tenant's name (often customers' names) and labels on a shared cluster.",
        remediation: "Tenants get namespaces through RoleBindings in their own namespaces; give them get on their namespace only, not a cluster-wide list.")

    let permissions = Permission.requests(["list", "watch"], ["namespaces"], clusterScoped: true)
}
