extension PodSecurityCheckRule {
    /// `pss.privileged`: upstream check `privileged`.
    static let privileged = PodSecurityCheckRule(
        id: "pss.privileged", check: "privileged", level: .baseline,
        title: "Privileged container", cis: ["5.2.2"],
        rationale: """
            A privileged container has every capability and access to all host devices: root in it is root on the \
            node, and every tenant sharing that node is exposed.
            """,
        remediation: "Remove securityContext.privileged (or set it to false); grant the single capability the workload needs instead.")
}
