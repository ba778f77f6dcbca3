extension PodSecurityCheckRule {
    /// `pss.apparmor-profile`: upstream check `appArmorProfile`.
    static let appArmorProfile = PodSecurityCheckRule(
        id: "pss.apparmor-profile", check: "appArmorProfile", level: .baseline,
        title: "AppArmor profile overridden or disabled",
        rationale: """
            The runtime's default AppArmor profile confines what a compromised container can do on the node; \
            an unconfined profile removes that layer.
            """,
        remediation: "Use the RuntimeDefault or a Localhost AppArmor profile; remove Unconfined profiles and annotations.")
}
