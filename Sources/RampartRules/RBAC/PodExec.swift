import RampartModel

/// `rbac.pod-exec`: a binding lets a non-system subject exec into, attach to or port-forward to pods.
struct PodExec: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.pod-exec",
        title: "Exec, attach or port-forward into pods",
        severity: .high,
        layer: .controlPlane,
        standards: ["NSA/CISA: RBAC least privilege", "MITRE ATT&CK: Exec into container"],
        rationale: "A shell in a running container gives its service account token, its mounted secrets and its network position. Exec over WebSocket is authorised with `get` on older API servers, so both verbs count.",
        remediation: "Remove pods/exec, pods/attach and pods/portforward from everyday roles; grant them for debugging through a time-limited binding.")

    let permissions = Permission.requests(["create", "get"], ["pods/exec", "pods/attach", "pods/portforward"])
}
