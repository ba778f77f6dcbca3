extension PodSecurityCheckRule {
    /// `pss.capabilities-baseline`: upstream check `capabilities_baseline`.
    static let capabilitiesBaseline = PodSecurityCheckRule(
        id: "pss.capabilities-baseline", check: "capabilities_baseline", level: .baseline,
        title: "Container adds non-default capabilities", cis: ["5.2.9"],
        rationale: """
            Capabilities beyond the runtime defaults (NET_ADMIN, SYS_ADMIN, NET_RAW, …) give a container powers \
            over the node's kernel that are known routes to escape or to attack neighbours.
            """,
        remediation: "Remove capabilities outside the default set from securityContext.capabilities.add.")
}
