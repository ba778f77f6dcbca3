import RampartControlPlane
import RampartModel

/// `kubelet.event-qps`: event recording unlimited or nearly off.
public struct KubeletEventQPS: KubeletRule {
    public let metadata = RuleMetadata(
        id: "kubelet.event-qps",
        title: "Kubelet event rate unlimited or too low",
        severity: .low, layer: .node,
        standards: ["CIS 4.2.8"],
        rationale: """
            eventRecordQPS 0 lets one tenant's crash-looping pods flood the API server and etcd with events (a noisy \
            neighbour for every tenant); a very low value drops the events that show an attack.
            """,
        remediation: "Leave eventRecordQPS at its default (50) or set it between 5 and a value the API server can absorb.")

    /// Below this, events are dropped under ordinary load.
    static let minimum = 5

    public init() {}

    func problems(_ config: KubeletConfig) -> [ConfigProblem] {
        guard let qps = config.field("eventRecordQPS")?.int else { return [] }
        if qps == 0 {
            return [ConfigProblem(path: "eventRecordQPS", message: "eventRecordQPS is 0: event creation is unlimited")]
        }
        guard qps < Self.minimum else { return [] }
        return [ConfigProblem(path: "eventRecordQPS", message: "eventRecordQPS is \(qps): events are dropped under load")]
    }
}
