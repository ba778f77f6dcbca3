extension PodSecurityCheckRule {
    /// `pss.allow-privilege-escalation`: upstream check `allowPrivilegeEscalation`.
    static let allowPrivilegeEscalation = PodSecurityCheckRule(
        id: "pss.allow-privilege-escalation", check: "allowPrivilegeEscalation", level: .restricted,
        title: "Privilege escalation allowed", cis: ["5.2.6"],
        rationale: """
            Unless allowPrivilegeEscalation is false, a process can gain more privileges than its parent through \
            set-user-ID binaries or file capabilities.
            """,
        remediation: "Set securityContext.allowPrivilegeEscalation: false on every container.")
}
