import RampartModel

/// An `AuthenticationConfiguration` (apiserver.config.k8s.io, v1 since Kubernetes 1.34), the file
/// named by the API server's `--authentication-config`: its JWT issuers and its anonymous access.
public struct AuthenticationConfig: Sendable {
    /// The `anonymous` section: whether requests without credentials are served, and on which paths.
    public struct Anonymous: Sendable {
        public var enabled: Bool
        /// `conditions[].path`: the paths anonymous requests may reach (every path when empty).
        public var paths: [(path: String, field: FieldPath)]
        public var field: FieldPath { "anonymous.enabled" }
    }

    public let object: KubeObject

    public init?(_ object: KubeObject) {
        guard object.kind == "AuthenticationConfiguration", object.reference.group == "apiserver.config.k8s.io" else { return nil }
        self.object = object
    }

    /// The `anonymous` section; nil when the file has none (the API server then follows `--anonymous-auth`).
    public var anonymous: Anonymous? {
        guard let section = object.root["anonymous"], section.isMapping else { return nil }
        let conditions: FieldPath = "anonymous.conditions"
        let paths = (section["conditions"]?.items ?? []).enumerated().compactMap { index, condition in
            condition["path"]?.string.map { (path: $0, field: conditions.appending(index: index).appending("path")) }
        }
        return Anonymous(enabled: section["enabled"]?.bool ?? false, paths: paths)
    }

    /// The issuers of `jwt`, in order.
    public var issuers: [JWTIssuer] {
        (object.root["jwt"]?.items ?? []).enumerated().map { index, item in
            let base = FieldPath([.key("jwt"), .index(index)])
            let mapping = { (attribute: JWTIssuer.Attribute) -> JWTIssuer.Mapping? in
                let path = base.appending("claimMappings").appending(attribute.rawValue)
                guard let node = object.root[path], node.isMapping else { return nil }
                let prefix = node["prefix"]?.string
                return JWTIssuer.Mapping(attribute: attribute, claim: node["claim"]?.string, prefix: prefix,
                                         isExpression: node["expression"]?.string != nil,
                                         field: prefix != nil ? path.appending("prefix") : path)
            }
            return JWTIssuer(object: object, url: item["issuer"]?["url"]?.string ?? "?",
                             mappings: JWTIssuer.Attribute.allCases.compactMap(mapping))
        }
    }
}
