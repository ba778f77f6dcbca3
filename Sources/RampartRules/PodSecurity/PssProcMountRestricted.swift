extension PodSecurityCheckRule {
    /// `pss.proc-mount-restricted`: upstream check `procMount_restricted`.
    static let procMountRestricted = PodSecurityCheckRule(
        id: "pss.proc-mount-restricted", check: "procMount_restricted", level: .restricted,
        title: "Unmasked /proc in a user namespace",
        rationale: """
            The restricted level keeps the default /proc masks even for pods in a user namespace.
            """,
        remediation: "Remove securityContext.procMount or set it to Default.")
}
