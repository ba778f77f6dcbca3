extension PodSecurityCheckRule {
    /// `pss.run-as-user`: upstream check `runAsUser`.
    static let runAsUser = PodSecurityCheckRule(
        id: "pss.run-as-user", check: "runAsUser", level: .restricted,
        title: "Container runs as UID 0", cis: ["5.2.7"],
        rationale: """
            runAsUser: 0 runs the container as root explicitly.
            """,
        remediation: "Set runAsUser to a non-zero UID, or remove it and rely on the image's non-root user.")
}
