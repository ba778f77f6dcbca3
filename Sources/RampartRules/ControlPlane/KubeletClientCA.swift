import RampartControlPlane
import RampartModel

/// `kubelet.client-ca`: the kubelet cannot authenticate the API server's client certificate.
public struct KubeletClientCA: KubeletRule {
    public let metadata = RuleMetadata(
        id: "kubelet.client-ca",
        title: "Kubelet has no client CA",
        severity: .high, layer: .node,
        standards: ["CIS 4.2.3"],
        rationale: "Without authentication.x509.clientCAFile the kubelet cannot verify client certificates, including the API server's, on exec, logs and port-forward.",
        remediation: "Set authentication.x509.clientCAFile to the cluster CA (kubeadm: /etc/kubernetes/pki/ca.crt).")

    public init() {}

    func problems(_ config: KubeletConfig) -> [ConfigProblem] {
        guard config.field("authentication.x509.clientCAFile")?.string == nil else { return [] }
        return [ConfigProblem(path: "authentication.x509.clientCAFile", message: "authentication.x509.clientCAFile is not set: client certificates are not verified")]
    }
}
