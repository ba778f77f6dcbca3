import RampartModel
import RampartRBAC
import RampartTenancy

/// `serviceaccounts.cloud-identity-writable`: Tenant can rewrite the cloud identity of its service accounts.
struct ServiceAccountsCloudIdentityWritable: PermissionRule {
    let metadata = RuleMetadata(
        id: "serviceaccounts.cloud-identity-writable",
        title: "Tenant can rewrite the cloud identity of its service accounts",
        severity: .high, layer: .secrets,
        standards: ["NSA/CISA: RBAC least privilege", "EKS best practices: IRSA", "GKE Workload Identity"],
        rationale: """
            Where service accounts carry workload-identity annotations (`eks.amazonaws.com/role-arn`, `iam.gke.io/gcp-service-account`, `azure.workload.identity/client-id`), whoever may update or patch a service account chooses the cloud identity its pods receive: any IAM role, Google service account or Entra application whose trust admits the account, another tenant's included when that trust is loose.
            """,
        remediation: """
            Let the platform's pipeline own service accounts that carry cloud identities: drop `update` and `patch` on `serviceaccounts` from tenant roles, or block changes to these annotations at admission (a ValidatingAdmissionPolicy); restrict each identity's trust to one namespace and account.
            """)

    let permissions = Permission.requests(["update", "patch"], ["serviceaccounts"])

    var reads: Set<ResourceKind> { RBACPolicy.reads.union([.serviceAccounts, .podIdentityAssociations]) }

    /// Bindings of tenant namespaces and cluster-wide bindings, when some service account of the
    /// inventory carries a cloud identity (the cluster uses workload identity).
    func evaluate(in context: AuditContext) -> [Violation] {
        guard !CloudIdentity.all(in: context.inventory).isEmpty else { return [] }
        return violations(in: context) { binding in binding.namespace.map(context.isTenantNamespace) ?? true }
    }
}
