import RampartModel

/// The API server's authorizers, in the order it asks them: from a structured
/// `AuthorizationConfiguration` (apiserver.config.k8s.io) among the inputs, else from kube-apiserver's
/// `--authorization-mode`. Rampart's RBAC engine answers for RBAC only: with a webhook authorizer in
/// the chain (before or after RBAC), a request RBAC does not allow may still be allowed.
public struct AuthorizerChain: Sendable {
    /// One authorizer: its type (`Node`, `RBAC`, `Webhook`, `AlwaysAllow`, `AlwaysDeny`) and name.
    public struct Authorizer: Sendable {
        public var type: String
        public var name: String
    }

    public let authorizers: [Authorizer]
    /// `AuthorizationConfiguration at FILE:LINE`, `--authorization-mode of kube-apiserver (FILE:LINE)`.
    public let source: String

    /// The chain the inputs configure; nil when they configure none.
    public init?(_ inventory: Inventory) {
        if let config = inventory.objects(ofKind: "AuthorizationConfiguration").first {
            authorizers = (config.root["authorizers"]?.items ?? []).compactMap { item in
                guard let type = item["type"]?.string else { return nil }
                return Authorizer(type: type, name: item["name"]?.string ?? type.lowercased())
            }
            source = "AuthorizationConfiguration at \(Self.place(config))"
            return
        }
        let servers = ControlPlane(inventory).components([.apiServer])
        guard let server = servers.first(where: { $0.flags.last("authorization-mode") != nil }) else { return nil }
        authorizers = server.flags.list("authorization-mode").map { Authorizer(type: $0.item, name: $0.item) }
        source = "--authorization-mode of kube-apiserver (\(Self.place(server.object)))"
    }

    /// `FILE:LINE` of an object.
    private static func place(_ object: KubeObject) -> String {
        "\(object.location.file ?? "<input>"):\(object.location.line)"
    }

    /// The webhook authorizers, by name.
    public var webhooks: [String] {
        authorizers.filter { $0.type == "Webhook" }.map(\.name)
    }

    /// Why an answer RBAC cannot give alone is unknown; nil without a webhook authorizer.
    public var webhookCaveat: String? {
        let names = webhooks
        guard !names.isEmpty else { return nil }
        let order = authorizers.map(\.type).joined(separator: ",")
        return "the webhook authorizer\(names.count == 1 ? "" : "s") \(names.joined(separator: ", ")) (order \(order), from \(source)) may allow what RBAC does not"
    }
}
