import RampartNetwork

/// A catalog rule that reports a piece of evidence, named by what it reports; the Rules module
/// maps each to its rule and ID (`AuditContext.tenancy` attaches them as `Evidence.rules`).
public enum ReportingRule: Sendable, Hashable {
    /// The `tenancy.*` rule of a kind of gap.
    case gap(TenancyGap.Kind)
    /// A namespace without a ResourceQuota.
    case namespaceWithoutQuota
    /// A namespace without a LimitRange.
    case namespaceWithoutLimitRange
    /// A namespace whose pods no NetworkPolicy isolates in `direction`.
    case noDefaultDeny(TrafficDirection)
    /// A workload that accepts connections from outside the cluster.
    case ingressFromOutside
    /// A workload that can reach the cloud metadata address.
    case egressToMetadata
    /// A workload that can connect to any address outside the cluster.
    case egressToAnywhere
    /// An Ingress without TLS.
    case ingressWithoutTLS
    /// A Secret passed through a container's environment.
    case secretInEnvironment
    /// An API token mounted into a pod.
    case tokenAutomount
    /// A Secret that holds a long-lived service account token.
    case longLivedToken
    /// A namespace that does not enforce Pod Security.
    case namespaceNotEnforced
    /// An escalation path out of a tenant (`rbac.cross-tenant-escalation`).
    case crossTenantEscalation
    /// A controller ConfigMap that allows ingress-nginx snippet annotations.
    case ingressNginxSnippets
    /// A Gateway API reference into another namespace that no ReferenceGrant allows.
    case referenceWithoutGrant
    /// A binding that lets a tenant rewrite the cloud identity of its service accounts.
    case cloudIdentityWritable
    /// An image from a registry outside the allow-list or the tenant's registries.
    case untrustedRegistry
    /// An image with reportable vulnerabilities that a newer package fixes.
    case vulnerableImage
    /// An image that no signature verification policy covers in its namespace.
    case unverifiedSignature
    /// An upstream Pod Security check (`runAsNonRoot`, `capabilities_baseline`…).
    case podSecurityCheck(String)
    /// A rule the platform team wrote, by its ID (`custom.…`).
    case custom(String)
}
