import RampartControlPlane
import RampartModel

/// `controlplane.priority-and-fairness-disabled`: API Priority and Fairness is turned off.
public struct ControlPlanePriorityAndFairnessDisabled: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.priority-and-fairness-disabled",
        title: "API Priority and Fairness disabled",
        severity: .medium, layer: .controlPlane,
        standards: ["NSA/CISA: resource policies"],
        rationale: """
            API Priority and Fairness queues requests by FlowSchema and priority level, so one tenant's flood of \
            requests waits in its own queues while nodes, controllers and other tenants are served. Turned off, the \
            API server falls back to two global limits (--max-requests-inflight, --max-mutating-requests-inflight) that \
            the first busy tenant fills for everyone.
            """,
        remediation: "Remove --enable-priority-and-fairness=false (it is on by default), and give tenants FlowSchemas of their own.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.boolean("enable-priority-and-fairness", expected: true, default: true,
                          "requests are no longer queued per tenant: one tenant can fill the API server's in-flight limits")
    }
}
