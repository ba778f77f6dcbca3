extension PodSecurityCheckRule {
    /// `pss.host-ports`: upstream check `hostPorts`.
    static let hostPorts = PodSecurityCheckRule(
        id: "pss.host-ports", check: "hostPorts", level: .baseline,
        title: "Container binds a host port", cis: ["5.2.13"],
        rationale: """
            A hostPort opens the port on the node itself, bypassing Services and NetworkPolicy, and competes \
            with other tenants for the node's ports.
            """,
        remediation: "Remove ports[*].hostPort; expose the workload through a Service.")
}
