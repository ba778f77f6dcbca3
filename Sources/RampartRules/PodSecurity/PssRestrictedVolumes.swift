extension PodSecurityCheckRule {
    /// `pss.restricted-volumes`: upstream check `restrictedVolumes`.
    static let restrictedVolumes = PodSecurityCheckRule(
        id: "pss.restricted-volumes", check: "restrictedVolumes", level: .restricted,
        title: "Volume type outside the restricted set",
        rationale: """
            Inline volume types such as NFS, iSCSI or cloud disks reach storage outside the pod's own, bypassing \
            the PersistentVolume controls of the platform.
            """,
        remediation: "Use configMap, secret, downwardAPI, emptyDir, projected, csi, ephemeral, image or persistentVolumeClaim volumes.")
}
