import RampartModel

/// `serviceaccounts.long-lived-token`: a Secret of type `kubernetes.io/service-account-token`, a
/// service-account API token that never expires.
public struct ServiceAccountsLongLivedToken: ObjectRule {
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

    public let kinds = ["Secret"]

    public init() {}

    /// Live clusters are read metadata-only for Secrets (no `type`): the annotation every token
    /// Secret carries identifies them there.
    public func evaluate(_ object: KubeObject, in context: AuditContext) -> [Violation] {
        guard let token = ServiceAccountTokenSecret(object) else { return [] }
        return [Violation(object: object, path: token.path, message: "Secret holds a long-lived API token of \(token.owner) (value not shown)")]
    }
}
