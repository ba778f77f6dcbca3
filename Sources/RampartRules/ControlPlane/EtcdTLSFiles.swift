import RampartControlPlane
import RampartModel

/// `etcd.tls-files`: etcd serves clients or peers without its own certificate.
public struct EtcdTLSFiles: ComponentRule {
    public let metadata = RuleMetadata(
        id: "etcd.tls-files",
        title: "etcd serving or peer certificate not configured",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 2.1", "CIS 2.4"],
        rationale: "Without --cert-file/--key-file etcd serves clients in plain text; without --peer-cert-file/--peer-key-file members replicate every Secret in plain text.",
        remediation: "Set --cert-file, --key-file, --peer-cert-file and --peer-key-file (kubeadm: /etc/kubernetes/pki/etcd/).")

    public let componentKinds: Set<ComponentKind> = [.etcd]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.missing(["cert-file", "key-file"], "etcd serves clients without TLS")
            + component.missing(["peer-cert-file", "peer-key-file"], "etcd members replicate without TLS")
    }
}
