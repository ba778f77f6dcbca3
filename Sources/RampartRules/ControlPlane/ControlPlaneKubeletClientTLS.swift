import RampartControlPlane
import RampartModel

/// `controlplane.kubelet-client-tls`: the API server talks to kubelets without verifying them, or anonymously.
public struct ControlPlaneKubeletClientTLS: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.kubelet-client-tls",
        title: "API server's connection to kubelets not mutually authenticated",
        severity: .medium, layer: .controlPlane,
        standards: ["CIS 1.2.4", "CIS 1.2.5"],
        rationale: """
            kubectl exec, logs and port-forward go through the API server to the kubelet. Without a client certificate \
            the kubelet cannot authenticate the API server; without --kubelet-certificate-authority the API server does \
            not verify the kubelet, so anyone who can impersonate a node's address receives exec sessions and their tokens.
            """,
        remediation: "Set --kubelet-client-certificate and --kubelet-client-key, and --kubelet-certificate-authority with kubelet serving certificates signed by the cluster CA (serverTLSBootstrap).")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.missing(["kubelet-client-certificate", "kubelet-client-key"], "the API server calls kubelets without a client certificate")
            + component.missing(["kubelet-certificate-authority"], "the API server does not verify kubelet serving certificates")
    }
}
