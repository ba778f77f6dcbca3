import RampartControlPlane
import RampartModel
import RampartRBAC

/// `rbac.resourceclaim-binding`: a binding lets a non-system subject write the allocations of
/// ResourceClaims (Dynamic Resource Allocation): `resourceclaims/binding` through a ClusterRoleBinding
/// from Kubernetes 1.36, and `resourceclaims/status` in any scope where the API server does not
/// authorize status writes field by field (see `ClaimStatusAuthorization`).
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
            Before 1.36, or with the gate off, `resourceclaims/status` alone is enough, in the claims' namespace. \
            The holder allocates any device, one that another tenant's claim already holds included, to a claim of \
            its own, or deallocates and re-reserves other tenants' claims: the scheduler's power over the devices.
            """,
        remediation: "Grant `resourceclaims/binding` and `resourceclaims/status` writes to the scheduler and allocation controllers of the platform only; run them in platform namespaces.")

    static let bindingWrites = Permission.requests(["update", "patch"], group: "resource.k8s.io", ["resourceclaims/binding"], clusterScoped: true)
    static let statusWrites = Permission.requests(["update", "patch"], group: "resource.k8s.io", ["resourceclaims/status"])

    let permissions: [Permission]

    /// `statusSuffices`: the API server lets a status write change allocations by itself.
    init(statusSuffices: Bool = false) {
        permissions = Self.bindingWrites + (statusSuffices ? Self.statusWrites : [])
    }

    var reads: Set<ResourceKind> { RBACPolicy.reads.union(ControlPlane.reads) }

    func evaluate(in context: AuditContext) -> [Violation] {
        guard case .statusSuffices(let reason) = context.claimStatusAuthorization.verdict else { return violations(in: context) }
        return ResourceClaimBinding(statusSuffices: true).violations(in: context).map { violation in
            var violation = violation
            violation.notes.append("\(reason): a write of resourceclaims/status changes allocations by itself")
            return violation
        }
    }
}

extension AuditContext {
    /// How the API server authorizes ResourceClaim status writes, worked out once.
    var claimStatusAuthorization: ClaimStatusAuthorization {
        shared(ClaimStatusAuthorization.self) { _ in ClaimStatusAuthorization(controlPlane) }
    }
}
