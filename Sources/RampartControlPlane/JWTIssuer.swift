import RampartModel

/// One issuer of tokens for people (OIDC), from an `AuthenticationConfiguration`'s `jwt` list or from the
/// API server's `--oidc-*` flags, with how its claims become Kubernetes usernames and groups.
public struct JWTIssuer: Sendable {
    /// The user attributes a claim mapping makes.
    public enum Attribute: String, Sendable, CaseIterable {
        case username, groups
    }

    /// How one attribute is made: a claim with a prefix, or a CEL expression.
    public struct Mapping: Sendable {
        public var attribute: Attribute
        public var claim: String?
        /// The prefix put before the claim's value, as the API server applies it (nil with an expression).
        public var prefix: String?
        public var isExpression: Bool
        /// Where the prefix (or the mapping) is written.
        public var field: FieldPath
    }

    /// The document (AuthenticationConfiguration) or the API server pod (flags) the issuer is configured in.
    public var object: KubeObject
    public var url: String
    public var mappings: [Mapping]

    public init(object: KubeObject, url: String, mappings: [Mapping]) {
        self.object = object
        self.url = url
        self.mappings = mappings
    }

    /// The issuer of the `--oidc-*` flags, with the prefixes the API server derives from them: a username
    /// claim other than `email` without `--oidc-username-prefix` is prefixed with `ISSUER#`, `-` means no
    /// prefix; groups are prefixed with `--oidc-groups-prefix` (none when it is not set). Nil without
    /// `--oidc-issuer-url`, or when `--authentication-config` replaces the flags.
    public init?(flagsOf component: ControlPlaneComponent) {
        let flags = component.flags
        guard component.kind == .apiServer, !flags.isSet("authentication-config"),
              let issuer = flags.last("oidc-issuer-url"), let url = issuer.value else { return nil }
        let claim = flags.last("oidc-username-claim")?.value ?? "sub"
        let written = flags.last("oidc-username-prefix")?.value ?? ""
        let prefix = written == "-" ? "" : written.isEmpty && claim != "email" ? url + "#" : written
        var mappings = [Mapping(attribute: .username, claim: claim, prefix: prefix, isExpression: false,
                                field: flags.path(of: flags.isSet("oidc-username-prefix") ? "oidc-username-prefix" : "oidc-issuer-url"))]
        if let groups = flags.last("oidc-groups-claim")?.value {
            mappings.append(Mapping(attribute: .groups, claim: groups, prefix: flags.last("oidc-groups-prefix")?.value ?? "",
                                    isExpression: false, field: flags.path(of: flags.isSet("oidc-groups-prefix") ? "oidc-groups-prefix" : "oidc-groups-claim")))
        }
        self.init(object: component.object, url: url, mappings: mappings)
    }
}
