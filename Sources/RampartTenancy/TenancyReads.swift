import RampartClusterAdmission
import RampartModel
import RampartNetwork
import RampartPSS
import RampartRBAC

extension TenancyAnalysis {
    /// The kinds the tenancy verdict reads, on every layer: what defines tenants (namespace labels,
    /// Capsule Tenants, HNC configurations), the nodes and runtime classes of the compute layer,
    /// quotas, limit ranges, device classes and API Priority and Fairness of the fairness layer, the mesh's peer
    /// authentication, exposure (Services, Ingresses), the API server's endpoints (egress to it), Secrets (long-lived tokens, read metadata-only), the
    /// cluster's admission configuration (the coverage map), the edge (Gateway API routes, Gateways and
    /// ReferenceGrants, the ingress-nginx ConfigMap), cloud identities (service accounts, EKS Pod Identity
    /// associations), external secret stores, the CNI's encryption (Cilium's ConfigMap, Calico's Felix
    /// configuration), and what the engines it builds on read.
    public static let reads: Set<ResourceKind> = NetworkAnalysis.reads.union(RBACPolicy.reads).union(PodSecurity.reads)
        .union(ClusterAdmission.reads)
        .union([
            .capsuleTenants, .hncConfigurations, .nodes, .runtimeClasses, .resourceQuotas, .limitRanges,
            .flowSchemas, .priorityLevelConfigurations, .peerAuthentications, .services, .ingresses, .secrets,
            .gateways, .referenceGrants, .configMaps, .serviceAccounts, .podIdentityAssociations, .clusterSecretStores,
            .felixConfigurations, .endpointSlices, .deviceClasses,
        ])
        .union(ResourceKind.gatewayRoutes).union(ResourceKind.externalSecretSources)
}
