import RampartControlPlane
import RampartModel

/// `kubelet.webhook-authorization`: the kubelet authorizes every request, or cannot authenticate tokens.
public struct KubeletWebhookAuthorization: KubeletRule {
    public let metadata = RuleMetadata(
        id: "kubelet.webhook-authorization",
        title: "Kubelet does not delegate authentication and authorization to the API server",
        severity: .critical, layer: .node,
        standards: ["CIS 4.2.2", "NSA/CISA: authorization"],
        rationale: """
            With authorization.mode AlwaysAllow every authenticated caller of the kubelet API can exec into every pod on \
            the node; webhook authentication lets the kubelet accept service-account and OIDC tokens, judged by RBAC \
            (nodes/proxy, nodes/exec…) through the API server.
            """,
        remediation: "Set authorization.mode: Webhook and authentication.webhook.enabled: true in the KubeletConfiguration.")

    public init() {}

    func problems(_ config: KubeletConfig) -> [ConfigProblem] {
        let mode = config.authorizationMode == "Webhook" ? [] : [
            ConfigProblem(path: "authorization.mode", message: "authorization.mode is \(config.authorizationMode): every authenticated request is allowed"),
        ]
        return mode + config.boolean("authentication.webhook.enabled", expected: true, default: true,
                                     "bearer tokens are not checked with the API server")
    }
}
