import RampartModel
import RampartRBAC

/// `rbac.resourceclaim-driver-status`: a ClusterRoleBinding lets a non-system subject write the device
/// status that DRA drivers report in the ResourceClaims of every namespace. A RoleBinding's grant is
/// not reported: it reaches the claims of its own namespace only, whose pods are its own.
struct ResourceClaimDriverStatus: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.resourceclaim-driver-status",
        title: "Write the device status of ResourceClaims for DRA drivers",
        severity: .medium,
        layer: .controlPlane,
        standards: ["NSA/CISA: RBAC least privilege", "Kubernetes: DRA hardening guide"],
        rationale: """
            From Kubernetes 1.36 (DRAResourceClaimGranularStatusAuthorization), changing `status.devices` of a \
            ResourceClaim takes, besides `resourceclaims/status`, the synthetic subresource `resourceclaims/driver` \
            named by the driver (`resourceNames`) in the claim's namespace, with the verb `arbitrary-node:update|patch`, \
            or `associated-node:update|patch` for a service account whose token is bound to the node the claim is \
            allocated on. Its holder rewrites what a driver reports of the devices of the claims in scope (network \
            addresses, device data that consumers trust). Through a ClusterRoleBinding that is every tenant's claims \
            (with `associated-node`, those allocated on the nodes its pods run on).
            """,
        remediation: "Grant `resourceclaims/driver` to the DRA drivers of the platform only, `associated-node:` verbs for node-local drivers, with `resourceNames` naming their driver.")

    /// Every node-aware verb, on any driver: `resourceNames` limit the drivers, not the power over them.
    let permissions = ["arbitrary-node:update", "arbitrary-node:patch", "associated-node:update", "associated-node:patch"].map { verb in
        Permission(verb: verb, resource: "resourceclaims/driver", clusterScoped: false) { rule in
            rule.matchesVerb(verb) && rule.matchesAPIGroup("resource.k8s.io") && rule.matchesResource("resourceclaims/driver", subresource: "driver")
        }
    }

    func evaluate(in context: AuditContext) -> [Violation] {
        violations(in: context) { $0.kind == .clusterRoleBinding }
    }
}
