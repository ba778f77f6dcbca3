extension PodSecurityCheckRule {
    /// `pss.host-probes-and-host-lifecycle`: upstream check `hostProbesAndHostLifecycle`.
    static let hostProbesAndHostLifecycle = PodSecurityCheckRule(
        id: "pss.host-probes-and-host-lifecycle", check: "hostProbesAndHostLifecycle", level: .baseline,
        title: "Probe or lifecycle handler targets another host",
        rationale: """
            A probe or lifecycle hook with a host field makes the kubelet connect to an arbitrary address from the \
            node: a server-side request forgery into the node's network.
            """,
        remediation: "Remove httpGet.host and tcpSocket.host from probes and lifecycle handlers; probe the pod itself.")
}
