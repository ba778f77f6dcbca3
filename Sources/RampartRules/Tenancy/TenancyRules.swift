/// The tenancy rule family, in catalog order: the gaps of the tenancy verdict (`rampart tenants
/// check`), active when tenants are known (a tenancy file, or tenants inferred from the inventory).
public enum TenancyRules {
    public static let all: [any Rule] = gapRules.map { $0 }

    /// The family, every rule reporting one kind of gap, in catalog order.
    static let gapRules: [any TenancyGapRule] = [
        TenancyIsolationNotMet(),
        TenancyCrossTenantAccess(),
        TenancyOutsideAccess(),
        TenancyCrossTenantTraffic(),
        TenancyMetadataEgress(),
        TenancyApiServerEgress(),
        TenancySharedNodes(),
        TenancyUnsandboxedUntrustedCode(),
        TenancyHostUserNamespace(),
        TenancyPodSecurityBelowProfile(),
        TenancyMeshMtlsNotStrict(),
        TenancyQuotaIncomplete(),
        TenancyNamespaceClaimedTwice(),
        TenancyNoFlowSchema(),
        TenancyHostClaimedTwice(),
        TenancyPublicNodeExposure(),
        TenancySharedCloudIdentity(),
        TenancySharedSecretStore(),
    ]
}
