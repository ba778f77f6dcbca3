import RampartControlPlane
import RampartModel

/// `node.end-of-life-kubelet`: a node's kubelet is of a Kubernetes release out of support.
public struct NodeEndOfLifeKubelet: Rule {
    public let metadata = RuleMetadata(
        id: "node.end-of-life-kubelet",
        title: "Node runs an end-of-life kubelet",
        severity: .high, layer: .node,
        standards: ["NSA/CISA: upgrading and application security practices"],
        rationale: """
            Upstream supports the three newest minor releases; a kubelet older than that gets no security fixes, and \
            kubelet escapes are how one tenant reaches the others on a shared node.
            """,
        remediation: "Upgrade or replace the node pool with a supported Kubernetes release.")

    public init() {}

    public var reads: Set<ResourceKind> { ControlPlane.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        context.controlPlane.nodes.compactMap { node in
            guard let version = node.kubeletVersion, SupportWindow.isEndOfLife(version) else { return nil }
            return Violation(object: node.object, path: NodeInfo.infoPath.appending("kubeletVersion"),
                             message: "node \(node.object.name) runs kubelet \(node.kubeletVersionText ?? version.description), out of support (oldest supported: \(SupportWindow.oldestSupported.minorRelease))")
        }
    }
}
