import RampartControlPlane
import RampartModel

/// `controlplane.serving-tls`: the API server's own certificate or client CA is not configured.
public struct ControlPlaneServingTLS: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.serving-tls",
        title: "API server serving certificate or client CA not configured",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 1.2.24", "CIS 1.2.25"],
        rationale: """
            Without --tls-cert-file the API server serves a self-signed certificate clients cannot verify; without \
            --client-ca-file it cannot authenticate kubelets, controllers or people by certificate.
            """,
        remediation: "Set --tls-cert-file, --tls-private-key-file and --client-ca-file.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.missing(["tls-cert-file", "tls-private-key-file"], "the API server serves a self-signed certificate")
            + component.missing(["client-ca-file"], "client certificates are not verified")
    }
}
