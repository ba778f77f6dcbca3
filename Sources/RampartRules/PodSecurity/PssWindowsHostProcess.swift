extension PodSecurityCheckRule {
    /// `pss.windows-host-process`: upstream check `windowsHostProcess`.
    static let windowsHostProcess = PodSecurityCheckRule(
        id: "pss.windows-host-process", check: "windowsHostProcess", level: .baseline,
        title: "Windows HostProcess container", cis: ["5.2.11"],
        rationale: """
            A Windows HostProcess container runs as a process on the host with full access to the node.
            """,
        remediation: "Remove securityContext.windowsOptions.hostProcess (or set it to false).")
}
