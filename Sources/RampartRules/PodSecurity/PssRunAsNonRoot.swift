extension PodSecurityCheckRule {
    /// `pss.run-as-non-root`: upstream check `runAsNonRoot`.
    static let runAsNonRoot = PodSecurityCheckRule(
        id: "pss.run-as-non-root", check: "runAsNonRoot", level: .restricted,
        title: "Container may run as root", cis: ["5.2.7"],
        rationale: """
            Without runAsNonRoot: true an image that runs as root does so, and root in a container is one kernel \
            bug away from root on the node.
            """,
        remediation: "Set securityContext.runAsNonRoot: true on the pod (or every container) and use images with a non-root user.")
}
