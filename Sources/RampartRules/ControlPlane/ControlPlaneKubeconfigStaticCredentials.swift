import RampartControlPlane
import RampartModel

/// `controlplane.kubeconfig-static-credentials`: a kubeconfig authenticates with a static token or password.
public struct ControlPlaneKubeconfigStaticCredentials: ConfigDocumentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.kubeconfig-static-credentials",
        title: "Kubeconfig authenticates with a static token or password",
        severity: .medium, layer: .controlPlane,
        standards: ["CIS 3.1.2", "NSA/CISA: authentication"],
        rationale: """
            Components (controller manager, scheduler, kubelet) should authenticate with client certificates that \
            rotate; a bearer token or password in a kubeconfig is a long-lived credential that anyone who copies the \
            file can replay from anywhere.
            """,
        remediation: "Use client-certificate(-data)/client-key(-data) (kubeadm's component kubeconfigs do), or an exec plugin issuing short-lived tokens.")

    /// Credentials that are long-lived secrets in the file.
    static let staticCredentials: Set<Kubeconfig.Credential> = [.token, .tokenFile, .basicAuth]

    public init() {}

    func documents(in controlPlane: ControlPlane) -> [Kubeconfig] { controlPlane.kubeconfigs }
    func object(of document: Kubeconfig) -> KubeObject { document.object }

    func problems(_ kubeconfig: Kubeconfig) -> [ConfigProblem] {
        kubeconfig.users.compactMap { user in
            guard let (credential, path) = user.credentials.first(where: { Self.staticCredentials.contains($0.0) }) else { return nil }
            return ConfigProblem(path: path, message: "user \"\(user.name)\" authenticates with a \(credential.rawValue)")
        }
    }
}
