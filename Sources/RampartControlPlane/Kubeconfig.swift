import RampartModel

/// A kubeconfig file (`kind: Config`, `apiVersion: v1`, with `users` or `clusters`), as control-plane
/// components and kubelets use to reach the API server. Credentials are judged by their kind only;
/// their values are never read into messages.
public struct Kubeconfig: Sendable {
    /// How one `users[i]` entry authenticates.
    public enum Credential: String, Sendable {
        case clientCertificate = "client certificate"
        case token = "static bearer token"
        case tokenFile = "bearer token file"
        case basicAuth = "username and password"
        case exec = "exec plugin"
        case authProvider = "auth provider"
    }

    public let object: KubeObject

    public init?(_ object: KubeObject) {
        guard object.kind == "Config", object.reference.group.isEmpty, object.reference.apiVersion == "v1",
              object.root["users"] != nil || object.root["clusters"] != nil else { return nil }
        self.object = object
    }

    /// Each user entry: its name, the credential fields it carries (in order of precedence), and the path.
    public var users: [(name: String, credentials: [(Credential, FieldPath)])] {
        (object.root["users"]?.items ?? []).enumerated().map { index, entry in
            let path = FieldPath([.key("users"), .index(index), .key("user")])
            let user = entry["user"]
            let fields: [(String, Credential)] = [
                ("client-certificate-data", .clientCertificate), ("client-certificate", .clientCertificate),
                ("token", .token), ("tokenFile", .tokenFile), ("username", .basicAuth), ("password", .basicAuth),
                ("exec", .exec), ("auth-provider", .authProvider),
            ]
            let present = fields.filter { user?[$0.0] != nil && user?[$0.0]?.isNull == false }.map { ($0.1, path.appending($0.0)) }
            return (entry["name"]?.string ?? "", present)
        }
    }

    /// Each cluster entry that turns off server certificate verification, with the path of the switch.
    public var insecureClusters: [(name: String, path: FieldPath)] {
        (object.root["clusters"]?.items ?? []).enumerated().compactMap { index, entry in
            guard entry["cluster"]?["insecure-skip-tls-verify"]?.bool == true else { return nil }
            return (entry["name"]?.string ?? "", FieldPath([.key("clusters"), .index(index), .key("cluster"), .key("insecure-skip-tls-verify")]))
        }
    }
}
