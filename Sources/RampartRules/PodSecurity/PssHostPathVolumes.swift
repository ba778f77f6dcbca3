extension PodSecurityCheckRule {
    /// `pss.host-path-volumes`: upstream check `hostPathVolumes`.
    static let hostPathVolumes = PodSecurityCheckRule(
        id: "pss.host-path-volumes", check: "hostPathVolumes", level: .baseline,
        title: "Pod mounts a hostPath volume", cis: ["5.2.12"],
        rationale: """
            A hostPath volume exposes the node's file system: container runtime sockets, kubelet credentials and \
            other tenants' volumes are one path away.
            """,
        remediation: "Use emptyDir, a ConfigMap/Secret, or a PersistentVolumeClaim instead of hostPath.")
}
