import RampartControlPlane
import RampartModel

/// `etcd.auto-tls`: etcd uses self-signed certificates.
public struct EtcdAutoTLS: ComponentRule {
    public let metadata = RuleMetadata(
        id: "etcd.auto-tls",
        title: "etcd uses self-signed certificates",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 2.3", "CIS 2.6"],
        rationale: "--auto-tls and --peer-auto-tls generate self-signed certificates that no client or peer can verify: TLS without authentication.",
        remediation: "Remove --auto-tls and --peer-auto-tls; give etcd certificates signed by a dedicated etcd CA.")

    public let componentKinds: Set<ComponentKind> = [.etcd]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        ["auto-tls", "peer-auto-tls"].flatMap {
            component.boolean($0, expected: false, default: false, "certificates are self-signed and cannot be verified")
        }
    }
}
