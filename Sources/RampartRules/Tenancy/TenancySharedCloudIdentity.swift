import RampartModel
import RampartTenancy

/// `tenancy.shared-cloud-identity`: Service accounts of two tenants mapped to one cloud identity.
public struct TenancySharedCloudIdentity: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.shared-cloud-identity",
        title: "Service accounts of two tenants mapped to one cloud identity",
        severity: .critical, layer: .secrets,
        standards: ["NSA/CISA: multi-tenancy", "EKS best practices: IRSA", "GKE Workload Identity"],
        rationale: """
            Workload identity (EKS IRSA and Pod Identity, GKE Workload Identity, Azure Workload Identity) gives a pod the cloud permissions of the identity its service account is mapped to. When two tenants' accounts map to one identity, each tenant's pods hold the other's buckets, queues and databases.
            """,
        remediation: """
            Give each tenant its own cloud identities, and restrict each identity's trust (the IAM role's trust policy `sub` condition, the Google service account's `workloadIdentityUser` members, the federated credential's subject) to that tenant's service accounts.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .sharedCloudIdentity }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .sharedCloudIdentity(let site, let identity, let other, let otherAccount) = gap else { return nil }
        return Violation(site, "\(identity) is mapped into tenant \(site.tenant) and into tenant \(other) (\(otherAccount))")
    }
}
