import RampartNetwork
import RampartTenancy

extension ReportingRule {
    /// The catalog rule that reports what the reference names: the `tenancy.*` rule of a kind of
    /// gap, or the rule of another family that reports the same fact (nil for a custom rule, which
    /// the reference names by its ID).
    var rule: (any Rule)? {
        switch self {
        case .gap(let kind): TenancyRules.reporting[kind]
        case .namespaceWithoutQuota: ResourcesNamespaceWithoutQuota()
        case .namespaceWithoutLimitRange: ResourcesNamespaceWithoutLimitRange()
        case .noDefaultDeny(.ingress): NetpolNoDefaultDeny()
        case .noDefaultDeny(.egress): NetpolNoDefaultDenyEgress()
        case .ingressFromOutside: NetpolIngressFromOutside()
        case .egressToMetadata: NetpolEgressToMetadata()
        case .egressToAnywhere: NetpolEgressToAnywhere()
        case .ingressWithoutTLS: ExposureIngressWithoutTLS()
        case .secretInEnvironment: SecretsEnvFromSecret()
        case .tokenAutomount: ServiceAccountsTokenAutomount()
        case .longLivedToken: ServiceAccountsLongLivedToken()
        case .namespaceNotEnforced: PssNamespaceNotEnforced()
        case .crossTenantEscalation: CrossTenantEscalation()
        case .ingressNginxSnippets: ExposureIngressNginxSnippets()
        case .referenceWithoutGrant: ExposureReferenceWithoutGrant()
        case .cloudIdentityWritable: ServiceAccountsCloudIdentityWritable()
        case .untrustedRegistry: ImagesUntrustedRegistry()
        case .vulnerableImage: ImagesVulnerable()
        case .unverifiedSignature: ImagesSignatureNotVerified()
        case .podSecurityCheck(let check): PodSecurityRules.checkRules.first { $0.check == check }
        case .custom: nil
        }
    }

    /// The ID of the rule that reports what the reference names.
    var ruleID: String? {
        if case .custom(let id) = self { return id }
        return rule?.metadata.id
    }
}

extension TenancyRules {
    /// The rule of each kind of gap.
    static let reporting: [TenancyGap.Kind: any Rule] = Dictionary(
        gapRules.map { ($0.kind, $0 as any Rule) }, uniquingKeysWith: { first, _ in first })
}
