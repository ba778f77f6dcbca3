import RampartControlPlane
import RampartModel

/// `controlplane.bind-address`: controller manager or scheduler listens beyond localhost.
public struct ControlPlaneBindAddress: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.bind-address",
        title: "Controller manager or scheduler listens on every interface",
        severity: .medium, layer: .controlPlane,
        standards: ["CIS 1.3.7", "CIS 1.4.2"],
        rationale: """
            kube-controller-manager and kube-scheduler serve health, metrics and (with profiling) debug endpoints; \
            bound to 0.0.0.0 (the default) they are reachable from every pod with host-network access and from the network.
            """,
        remediation: "Set --bind-address=127.0.0.1.")

    public let componentKinds: Set<ComponentKind> = [.controllerManager, .scheduler]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        let flag = component.flags.last("bind-address")
        guard flag?.value != "127.0.0.1", flag?.value != "::1" else { return [] }
        let written = flag.map { "\($0.display) is set" } ?? "--bind-address is not set (default 0.0.0.0)"
        return [ConfigProblem(path: component.flags.path(of: "bind-address"), message: "\(written): the component listens beyond localhost")]
    }
}
