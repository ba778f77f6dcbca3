extension PodSecurityCheckRule {
    /// `pss.proc-mount`: upstream check `procMount`.
    static let procMount = PodSecurityCheckRule(
        id: "pss.proc-mount", check: "procMount", level: .baseline,
        title: "Unmasked /proc",
        rationale: """
            An Unmasked procMount exposes kernel interfaces under /proc that the runtime normally hides from \
            containers.
            """,
        remediation: "Remove securityContext.procMount or set it to Default.")
}
