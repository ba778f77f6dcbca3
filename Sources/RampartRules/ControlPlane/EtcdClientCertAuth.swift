import RampartControlPlane
import RampartModel

/// `etcd.client-cert-auth`: etcd serves clients without certificates.
public struct EtcdClientCertAuth: ComponentRule {
    public let metadata = RuleMetadata(
        id: "etcd.client-cert-auth",
        title: "etcd does not require client certificates",
        severity: .critical, layer: .controlPlane,
        standards: ["CIS 2.2", "NSA/CISA: etcd"],
        rationale: """
            etcd holds every object of every tenant, Secrets included, and enforces no Kubernetes authorization. Without \
            --client-cert-auth (off by default) anyone who reaches its client port reads and writes the whole cluster.
            """,
        remediation: "Set --client-cert-auth=true and --trusted-ca-file on etcd.")

    public let componentKinds: Set<ComponentKind> = [.etcd]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.boolean("client-cert-auth", expected: true, default: false, "any client that reaches etcd reads every Secret")
    }
}
