import RampartControlPlane
import RampartModel

/// `kubelet.read-only-port`: the unauthenticated read-only kubelet port is open.
public struct KubeletReadOnlyPort: KubeletRule {
    public let metadata = RuleMetadata(
        id: "kubelet.read-only-port",
        title: "Kubelet read-only port open",
        severity: .high, layer: .node,
        standards: ["CIS 4.2.4"],
        rationale: """
            The read-only port (10255) serves /pods and /spec with no authentication: every pod on the network lists \
            every tenant's pods on the node, their environment variables, images and volumes.
            """,
        remediation: "Set readOnlyPort: 0 (or remove it: the KubeletConfiguration default is 0).")

    public init() {}

    func problems(_ config: KubeletConfig) -> [ConfigProblem] {
        let port = config.readOnlyPort
        guard port != 0 else { return [] }
        return [ConfigProblem(path: "readOnlyPort", message: "readOnlyPort is \(port): the kubelet serves pod details without authentication")]
    }
}
