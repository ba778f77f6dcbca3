import RampartModel

/// `rbac.resourceclaim-binding`: a ClusterRoleBinding lets a non-system subject write the allocations
/// of ResourceClaims (Dynamic Resource Allocation).
struct ResourceClaimBinding: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.resourceclaim-binding",
        title: "Write the device allocations of ResourceClaims",
        severity: .high,
        layer: .controlPlane,
        standards: ["NSA/CISA: RBAC least privilege", "Kubernetes: DRA hardening guide"],
        rationale: """
            From Kubernetes 1.36 (DRAResourceClaimGranularStatusAuthorization, beta and on by default), changing \
            `status.allocation` or `status.reservedFor` of a ResourceClaim takes `update` or `patch` of the synthetic \
            subresource `resourceclaims/binding` besides `resourceclaims/status`; the API server asks for it \
            cluster-wide, so only a ClusterRoleBinding grants it, and it holds for the claims of every namespace. \
            Its holder allocates any device, one that another tenant's claim already holds included, to a claim of \
            its own, or deallocates and re-reserves other tenants' claims: the scheduler's power over every device.
            """,
        remediation: "Grant `resourceclaims/binding` to the scheduler and allocation controllers of the platform only; run them in platform namespaces.")

    let permissions = Permission.requests(["update", "patch"], group: "resource.k8s.io", ["resourceclaims/binding"], clusterScoped: true)
}
