import RampartControlPlane
import RampartModel

/// `controlplane.profiling`: the profiling endpoints are on.
public struct ControlPlaneProfiling: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.profiling",
        title: "Profiling endpoints enabled on a control-plane component",
        severity: .medium, layer: .controlPlane,
        standards: ["CIS 1.2.15", "CIS 1.3.2", "CIS 1.4.1"],
        rationale: """
            --profiling (on by default) serves /debug/pprof: program internals to anyone allowed the endpoint, and a \
            cheap way to load the component (CPU profiles on demand).
            """,
        remediation: "Set --profiling=false on kube-apiserver, kube-controller-manager and kube-scheduler.")

    public let componentKinds: Set<ComponentKind> = [.apiServer, .controllerManager, .scheduler]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.boolean("profiling", expected: false, default: true, "/debug/pprof is served")
    }
}
