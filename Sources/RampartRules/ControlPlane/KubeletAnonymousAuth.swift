import RampartControlPlane
import RampartModel

/// `kubelet.anonymous-auth`: the kubelet API serves anonymous requests.
public struct KubeletAnonymousAuth: KubeletRule {
    public let metadata = RuleMetadata(
        id: "kubelet.anonymous-auth",
        title: "Kubelet accepts anonymous requests",
        severity: .critical, layer: .node,
        standards: ["CIS 4.2.1", "NSA/CISA: authentication"],
        rationale: """
            The kubelet API on port 10250 runs commands in every pod of the node. With anonymous authentication on, \
            requests without credentials are served as system:anonymous, and with AlwaysAllow authorization any pod \
            that reaches the node executes code in its neighbours' containers.
            """,
        remediation: "Set authentication.anonymous.enabled: false in the KubeletConfiguration.")

    public init() {}

    func problems(_ config: KubeletConfig) -> [ConfigProblem] {
        config.boolean("authentication.anonymous.enabled", expected: false, default: false,
                       "requests without credentials reach the kubelet API")
    }
}
