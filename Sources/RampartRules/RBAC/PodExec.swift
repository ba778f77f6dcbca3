import RampartModel

/// `rbac.pod-exec`: a binding lets a non-system subject exec into, attach to, port-forward to or add
/// an ephemeral (debug) container to pods.
struct PodExec: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.pod-exec",
        title: "Exec, attach, port-forward or debug containers in pods",
        severity: .high,
        layer: .controlPlane,
        standards: ["NSA/CISA: RBAC least privilege", "MITRE ATT&CK: Exec into container"],
        rationale: "A shell in a running container gives its service account token, its mounted secrets and its network position. Exec over WebSocket is authorised with `get` on older API servers, so both verbs count. Adding an ephemeral container (`kubectl debug`, update or patch of `pods/ephemeralcontainers`) gives the same shell.",
        remediation: "Remove pods/exec, pods/attach, pods/portforward and pods/ephemeralcontainers from everyday roles; grant them for debugging through a time-limited binding.")

    let permissions = Permission.requests(["create", "get"], ["pods/exec", "pods/attach", "pods/portforward"])
        + Permission.requests(["update", "patch"], ["pods/ephemeralcontainers"])
}
