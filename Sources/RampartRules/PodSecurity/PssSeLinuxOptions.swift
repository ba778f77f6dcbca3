extension PodSecurityCheckRule {
    /// `pss.selinux-options`: upstream check `seLinuxOptions`.
    static let seLinuxOptions = PodSecurityCheckRule(
        id: "pss.selinux-options", check: "seLinuxOptions", level: .baseline,
        title: "Custom SELinux options",
        rationale: """
            Setting a custom SELinux user, role or an unconfined type lifts the label that keeps a container away \
            from the node's and other containers' files.
            """,
        remediation: "Remove seLinuxOptions user and role; use only container_t, container_init_t, container_kvm_t or container_engine_t types.")
}
