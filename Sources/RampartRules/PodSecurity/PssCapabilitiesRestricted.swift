extension PodSecurityCheckRule {
    /// `pss.capabilities-restricted`: upstream check `capabilities_restricted`.
    static let capabilitiesRestricted = PodSecurityCheckRule(
        id: "pss.capabilities-restricted", check: "capabilities_restricted", level: .restricted,
        title: "Capabilities not dropped", cis: ["5.2.8", "5.2.10"],
        rationale: """
            The default capability set (NET_RAW, CHOWN, SETUID, …) is more than most workloads need; NET_RAW \
            alone allows spoofing traffic to neighbours.
            """,
        remediation: "Set securityContext.capabilities.drop: [ALL] and add back only NET_BIND_SERVICE if needed.")
}
