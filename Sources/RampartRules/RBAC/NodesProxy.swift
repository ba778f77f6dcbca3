import RampartModel

/// `rbac.nodes-proxy`: a ClusterRoleBinding lets a non-system subject use the nodes/proxy subresource.
struct NodesProxy: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.nodes-proxy",
        title: "Access to the kubelet API through nodes/proxy",
        severity: .critical,
        layer: .controlPlane,
        standards: ["CIS 5.1.10", "NSA/CISA: RBAC least privilege"],
        rationale: "nodes/proxy reaches the kubelet API of every node, which runs commands in any pod on it (every tenant's and kube-system's) and bypasses admission and audit of those commands; `get` is enough over WebSocket.",
        remediation: "Grant nodes/proxy to nobody but the monitoring components that need it, and prefer nodes/metrics or nodes/stats for them.")

    let permissions = Permission.requests(["get", "create"], ["nodes/proxy"], clusterScoped: true)
}
