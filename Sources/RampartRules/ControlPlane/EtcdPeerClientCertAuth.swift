import RampartControlPlane
import RampartModel

/// `etcd.peer-client-cert-auth`: etcd members accept peers without certificates.
public struct EtcdPeerClientCertAuth: ComponentRule {
    public let metadata = RuleMetadata(
        id: "etcd.peer-client-cert-auth",
        title: "etcd does not require peer certificates",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 2.5", "NSA/CISA: etcd"],
        rationale: "Without --peer-client-cert-auth, anything that reaches the peer port can join the etcd cluster and receive a full copy of the data.",
        remediation: "Set --peer-client-cert-auth=true and --peer-trusted-ca-file on every etcd member.")

    public let componentKinds: Set<ComponentKind> = [.etcd]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.boolean("peer-client-cert-auth", expected: true, default: false, "any host can join the etcd cluster")
    }
}
