extension PodSecurityCheckRule {
    /// `pss.seccomp-profile-restricted`: upstream check `seccompProfile_restricted`.
    static let seccompProfileRestricted = PodSecurityCheckRule(
        id: "pss.seccomp-profile-restricted", check: "seccompProfile_restricted", level: .restricted,
        title: "No seccomp profile", cis: ["5.7.2"],
        rationale: """
            Without a seccomp profile containers can call every system call of the shared kernel.
            """,
        remediation: "Set securityContext.seccompProfile.type: RuntimeDefault on the pod.")
}
