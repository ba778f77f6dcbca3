import RampartControlPlane
import RampartModel

/// `controlplane.service-account-credentials`: controllers share the controller manager's own identity.
public struct ControlPlaneServiceAccountCredentials: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.service-account-credentials",
        title: "Controllers run with the controller manager's full identity",
        severity: .medium, layer: .controlPlane,
        standards: ["CIS 1.3.3"],
        rationale: """
            Without --use-service-account-credentials every controller acts with the controller manager's own, broad \
            permissions; with it, each controller has its own service account and least-privilege role.
            """,
        remediation: "Set --use-service-account-credentials=true on kube-controller-manager.")

    public let componentKinds: Set<ComponentKind> = [.controllerManager]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.boolean("use-service-account-credentials", expected: true, default: false,
                          "every controller shares the controller manager's permissions")
    }
}
