import RampartControlPlane
import RampartModel

/// `controlplane.kubeconfig-insecure-tls`: a kubeconfig does not verify the API server's certificate.
public struct ControlPlaneKubeconfigInsecureTLS: ConfigDocumentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.kubeconfig-insecure-tls",
        title: "Kubeconfig skips verification of the API server's certificate",
        severity: .high, layer: .controlPlane,
        standards: ["NSA/CISA: encryption in transit"],
        rationale: """
            With insecure-skip-tls-verify the client sends its credentials to whoever answers at the server's address: \
            a man in the middle receives a working token or client session.
            """,
        remediation: "Remove insecure-skip-tls-verify and set certificate-authority(-data) to the cluster CA.")

    public init() {}

    func documents(in controlPlane: ControlPlane) -> [Kubeconfig] { controlPlane.kubeconfigs }
    func object(of document: Kubeconfig) -> KubeObject { document.object }

    func problems(_ kubeconfig: Kubeconfig) -> [ConfigProblem] {
        kubeconfig.insecureClusters.map {
            ConfigProblem(path: $0.path, message: "cluster \"\($0.name)\" sets insecure-skip-tls-verify: the API server is not verified")
        }
    }
}
