import RampartModel

/// `exposure.node-port`: a Service of type NodePort.
public struct ExposureNodePort: ObjectRule {
    public let metadata = RuleMetadata(
        id: "exposure.node-port",
        title: "Service opens a port on every node",
        severity: .medium, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            A NodePort listens on every node of the cluster, including nodes dedicated to other tenants, and \
            bypasses ingress authentication; NetworkPolicy often does not see node-port traffic as external.
            """,
        remediation: "Use a ClusterIP Service behind the platform's ingress.")

    public let kinds = ["Service"]

    public init() {}

    public func evaluate(_ object: KubeObject, in context: AuditContext) -> [Violation] {
        guard object.reference.group.isEmpty, object.root["spec"]?["type"]?.string == "NodePort" else { return [] }
        return [Violation(object: object, path: "spec.type", message: "Service of type NodePort listens on every node")]
    }
}
