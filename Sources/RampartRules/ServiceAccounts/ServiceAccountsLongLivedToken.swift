import RampartModel

/// `serviceaccounts.long-lived-token`: a Secret of type `kubernetes.io/service-account-token`, a
/// service-account API token that never expires.
public struct ServiceAccountsLongLivedToken: Rule {
    public let metadata = RuleMetadata(
        id: "serviceaccounts.long-lived-token",
        title: "Long-lived service account token stored in a Secret",
        severity: .medium, layer: .secrets,
        standards: ["CIS 5.1.6", "NSA/CISA: authentication and authorization"],
        rationale: """
            The token controller fills a `kubernetes.io/service-account-token` Secret with a token that \
            never expires and is bound to no pod: whoever reads the Secret once (a backup, a leaked \
            manifest, a role that reads Secrets) is the service account until someone deletes it. \
            Since Kubernetes 1.24 pods get short-lived projected tokens instead, and only such Secrets \
            created by hand remain.
            """,
        remediation: """
            Delete the Secret; give clients that need a token a short-lived one (`kubectl create token`, \
            the TokenRequest API) or a projected `serviceAccountToken` volume.
            """)

    public init() {}

    /// Secrets, read metadata-only from live clusters (no `type`: the annotation every token Secret
    /// carries identifies them there). The rule judges the whole inventory, so the webhook is never
    /// sent Secrets for it.
    public var reads: Set<ResourceKind> { [.secrets] }

    public func evaluate(in context: AuditContext) -> [Violation] {
        context.inventory.objects(ofKind: "Secret").compactMap(ServiceAccountTokenSecret.init).map { token in
            Violation(object: token.object, path: token.path, message: "Secret holds a long-lived API token of \(token.owner) (value not shown)")
        }
    }
}
