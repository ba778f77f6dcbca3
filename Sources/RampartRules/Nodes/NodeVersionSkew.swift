import RampartControlPlane
import RampartModel

/// `node.version-skew`: a node's kubelet is outside the supported skew from the API server.
public struct NodeVersionSkew: Rule {
    public let metadata = RuleMetadata(
        id: "node.version-skew",
        title: "Kubelet outside the supported version skew from the API server",
        severity: .medium, layer: .node,
        standards: ["Kubernetes version skew policy"],
        rationale: """
            Since Kubernetes 1.28 a kubelet may be up to three minor releases older than the API server (before 1.25: two) \
            and never newer. Outside that range nobody tests the pair: a newer kubelet may call APIs the server does not \
            serve, an older one may ignore fields the server's admission relies on (a pod's security settings or \
            resources enforced by the kubelet), and the next control-plane upgrade is blocked until the node is replaced.
            """,
        remediation: "Upgrade the node pool (or the control plane first, for a kubelet that is newer) until every kubelet is within the skew.")

    public init() {}

    /// The API server's release comes from its `/version` on a live cluster and from its static
    /// pod's image tag in files; without either, nothing is judged.
    public var reads: Set<ResourceKind> { ControlPlane.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        let controlPlane = context.controlPlane
        let apiServers = controlPlane.serverVersions.compactMap(\.version) + controlPlane.components([.apiServer]).compactMap(\.version)
        return controlPlane.nodes.compactMap { node in
            guard let kubelet = node.kubeletVersion, let problem = KubeletSkew.problem(kubelet: kubelet, apiServers: apiServers) else { return nil }
            return Violation(object: node.object, path: NodeInfo.infoPath.appending("kubeletVersion"),
                             message: "node \(node.object.name): \(problem)")
        }
    }
}
