extension PodSecurityCheckRule {
    /// `pss.seccomp-profile-baseline`: upstream check `seccompProfile_baseline`.
    static let seccompProfileBaseline = PodSecurityCheckRule(
        id: "pss.seccomp-profile-baseline", check: "seccompProfile_baseline", level: .baseline,
        title: "Seccomp explicitly disabled",
        rationale: """
            An Unconfined seccomp profile gives the container every system call of the shared kernel, including \
            those behind most container escapes.
            """,
        remediation: "Use the RuntimeDefault (or a Localhost) seccomp profile; remove Unconfined.")
}
