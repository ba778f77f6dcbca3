extension PodSecurityCheckRule {
    /// `pss.host-namespaces`: upstream check `hostNamespaces`.
    static let hostNamespaces = PodSecurityCheckRule(
        id: "pss.host-namespaces", check: "hostNamespaces", level: .baseline,
        title: "Pod shares a host namespace", cis: ["5.2.3", "5.2.4", "5.2.5"],
        rationale: """
            hostNetwork, hostPID and hostIPC put the pod in the node's own network, process or IPC namespace: it \
            sees other tenants' traffic and processes and can bind the node's ports.
            """,
        remediation: "Remove spec.hostNetwork, spec.hostPID and spec.hostIPC (or set them to false).")
}
