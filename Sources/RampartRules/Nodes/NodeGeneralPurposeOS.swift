import RampartControlPlane
import RampartModel

/// `node.general-purpose-os`: a node runs a general-purpose Linux rather than a container-optimised OS.
public struct NodeGeneralPurposeOS: Rule {
    public let metadata = RuleMetadata(
        id: "node.general-purpose-os",
        title: "Node runs a general-purpose operating system",
        severity: .info, layer: .node,
        standards: ["NSA/CISA: node hardening"],
        rationale: """
            Operating systems built only to run containers (Bottlerocket, Flatcar, Container-Optimized OS, Talos, RHEL \
            CoreOS…) have a read-only root, no package manager and atomic updates: a container escape finds far less to \
            work with than on a general-purpose distribution.
            """,
        remediation: "Consider a container-optimised OS for node pools that run untrusted tenants.")

    public init() {}

    /// A node whose `osImage` is missing, empty or blank gives no finding: its OS is unknown, and an
    /// unknown OS is not evidence of a general-purpose one.
    public var reads: Set<ResourceKind> { ControlPlane.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        context.controlPlane.nodes.compactMap { node in
            guard node.operatingSystem != "windows", node.containerOptimisedOS == nil,
                  let image = node.osImage, !image.allSatisfy(\.isWhitespace) else { return nil }
            let details = [node.kernelVersion.map { "kernel \($0)" }, node.containerRuntimeVersion.map { "runtime \($0)" }].compactMap { $0 }
            return Violation(object: node.object, path: NodeInfo.infoPath.appending("osImage"),
                             message: "node \(node.object.name) runs \(image), a general-purpose OS", notes: details)
        }
    }
}
