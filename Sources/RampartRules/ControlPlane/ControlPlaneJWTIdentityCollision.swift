import RampartControlPlane
import RampartModel

/// `controlplane.jwt-identity-collision`: an OIDC issuer's users or groups can take names that belong to
/// Kubernetes itself or to another issuer's users.
public struct ControlPlaneJWTIdentityCollision: Rule {
    public let metadata = RuleMetadata(
        id: "controlplane.jwt-identity-collision",
        title: "OIDC claim mapping lets an issuer's users take others' names",
        severity: .high, layer: .controlPlane,
        standards: ["NSA/CISA: authentication"],
        rationale: """
            RBAC trusts names. A username or group made from a token claim with no prefix is whatever the identity \
            provider puts there: a group `system:masters` is cluster-admin, a username \
            `system:serviceaccount:team-b:deployer` is that tenant's service account, and a user of one issuer \
            named like a user of another gets that user's bindings. A prefix starting with `system:` makes every \
            user of the issuer a name reserved to Kubernetes; the same prefix on two issuers merges their users. \
            Only the `email` claim (verified by the API server) is namespaced enough to go without a prefix, and only \
            when no other issuer maps email without one.
            """,
        remediation: """
            Give every issuer its own prefix for usernames and groups in the AuthenticationConfiguration \
            (`claimMappings.username.prefix: "corp:"`, `claimMappings.groups.prefix: "corp:"`), never one starting with \
            `system:`; with the --oidc-* flags, never set --oidc-username-prefix=- (unset, usernames get the issuer URL as \
            their prefix) and set --oidc-groups-prefix.
            """)

    public init() {}

    public var reads: Set<ResourceKind> { ControlPlane.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        let controlPlane = context.controlPlane
        let issuers = controlPlane.authenticationConfigs.flatMap(\.issuers)
            + controlPlane.components([.apiServer]).compactMap(JWTIssuer.init(flagsOf:))
        var claimed: [JWTIssuer.Attribute: [String: String]] = [:]
        return issuers.flatMap { issuer in
            issuer.mappings.compactMap { mapping -> Violation? in
                guard let prefix = mapping.prefix, let claim = mapping.claim else { return nil }
                let earlier = claimed[mapping.attribute]?[prefix]
                if earlier == nil { claimed[mapping.attribute, default: [:]][prefix] = issuer.url }
                guard let problem = Self.problem(mapping, claim: claim, prefix: prefix, sharedWith: earlier) else { return nil }
                return Violation(object: issuer.object, path: mapping.field, message: "issuer \(issuer.url): \(problem)")
            }
        }
    }

    /// What is wrong with one mapping, if anything: a reserved prefix, no prefix on a claim other than a
    /// username's `email`, or the prefix of an earlier issuer (`sharedWith`) for the same attribute.
    static func problem(_ mapping: JWTIssuer.Mapping, claim: String, prefix: String, sharedWith earlier: String?) -> String? {
        let names = mapping.attribute == .username ? "usernames" : "groups"
        if prefix.hasPrefix("system:") {
            return "\(names) from claim \(claim) get the prefix \"\(prefix)\": names reserved to Kubernetes"
        }
        if prefix.isEmpty, !(mapping.attribute == .username && claim == "email") {
            return "\(names) are claim \(claim) with no prefix: the identity provider can name them system:… or like another issuer's"
        }
        if let earlier {
            return "\(names) get the prefix \"\(prefix)\" that issuer \(earlier) also gives: the two issuers' \(names) collide"
        }
        return nil
    }
}
