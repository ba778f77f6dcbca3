import RampartModel

/// `rbac.pv-create`: a ClusterRoleBinding lets a non-system subject create PersistentVolumes.
struct PVCreate: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.pv-create",
        title: "Create PersistentVolumes",
        severity: .medium,
        layer: .controlPlane,
        standards: ["CIS 5.1.9", "NSA/CISA: RBAC least privilege"],
        rationale: "A PersistentVolume can point at a hostPath or at another tenant's storage; a pod that claims it gets the node's or that tenant's files.",
        remediation: "Let storage classes provision volumes; grant persistentvolumes create to the storage provisioners only.")

    let permissions = Permission.requests(["create"], ["persistentvolumes"], clusterScoped: true)
}
