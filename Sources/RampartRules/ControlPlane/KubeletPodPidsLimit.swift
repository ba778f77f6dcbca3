import RampartControlPlane
import RampartModel

/// `kubelet.pod-pids-limit`: a pod can exhaust the node's process IDs.
public struct KubeletPodPidsLimit: KubeletRule {
    public let metadata = RuleMetadata(
        id: "kubelet.pod-pids-limit",
        title: "No limit on process IDs per pod",
        severity: .medium, layer: .node,
        standards: ["CIS 4.2.13"],
        rationale: "Without podPidsLimit one tenant's fork bomb takes every process ID of the node and stops every other tenant's pods there.",
        remediation: "Set podPidsLimit (e.g. 4096) in the KubeletConfiguration.")

    public init() {}

    func problems(_ config: KubeletConfig) -> [ConfigProblem] {
        let limit = config.field("podPidsLimit")?.int
        if let limit, limit > 0 { return [] }
        let written = limit.map { "podPidsLimit is \($0)" } ?? "podPidsLimit is not set"
        return [ConfigProblem(path: "podPidsLimit", message: "\(written): a pod can use every process ID of the node")]
    }
}
