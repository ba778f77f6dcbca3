import RampartModel

/// `rbac.crd-write`: a ClusterRoleBinding lets a non-system subject change CustomResourceDefinitions.
struct CRDWrite: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.crd-write",
        title: "Write CustomResourceDefinitions",
        severity: .medium,
        layer: .controlPlane,
        standards: ["NSA/CISA: RBAC least privilege"],
        rationale: "CRDs are cluster-wide: changing or deleting one changes or deletes every tenant's custom resources of that kind, and a conversion webhook sees all of them.",
        remediation: "Only the platform's deployment pipeline should write CustomResourceDefinitions.")

    let permissions = Permission.requests(["create", "update", "patch", "delete"], group: "apiextensions.k8s.io",
                                          ["customresourcedefinitions"], clusterScoped: true)
}
