import RampartControlPlane
import RampartModel

/// `controlplane.controller-manager-keys`: the controller manager cannot sign tokens or publish the root CA.
public struct ControlPlaneControllerManagerKeys: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.controller-manager-keys",
        title: "Controller manager lacks the service-account key or root CA",
        severity: .medium, layer: .controlPlane,
        standards: ["CIS 1.3.4", "CIS 1.3.5"],
        rationale: """
            --service-account-private-key-file signs the tokens of legacy token Secrets (keys rotate apart from serving \
            keys); --root-ca-file is the CA published to every pod so that it can verify the API server instead of \
            trusting whatever answers.
            """,
        remediation: "Set --service-account-private-key-file and --root-ca-file on kube-controller-manager.")

    public let componentKinds: Set<ComponentKind> = [.controllerManager]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.missing(["service-account-private-key-file"], "service-account tokens cannot be signed with a dedicated key")
            + component.missing(["root-ca-file"], "pods do not receive the CA to verify the API server")
    }
}
