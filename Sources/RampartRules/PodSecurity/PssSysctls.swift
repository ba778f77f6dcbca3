extension PodSecurityCheckRule {
    /// `pss.sysctls`: upstream check `sysctls`.
    static let sysctls = PodSecurityCheckRule(
        id: "pss.sysctls", check: "sysctls", level: .baseline,
        title: "Unsafe sysctl",
        rationale: """
            Sysctls outside the safe, namespaced set change kernel settings for the whole node and every tenant on it.
            """,
        remediation: "Set only the safe sysctls the Pod Security Standards allow, or move the workload to a dedicated node pool.")
}
