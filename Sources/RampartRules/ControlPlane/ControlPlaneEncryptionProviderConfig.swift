import RampartControlPlane
import RampartModel

/// `controlplane.encryption-provider-config`: Secrets are stored in etcd in clear text.
public struct ControlPlaneEncryptionProviderConfig: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.encryption-provider-config",
        title: "Secrets are not encrypted at rest",
        severity: .high, layer: .secrets,
        standards: ["CIS 1.2.27", "NSA/CISA: secrets encryption"],
        rationale: """
            Without --encryption-provider-config every Secret is stored in etcd as plain base64: an etcd backup, a \
            snapshot of the etcd disk or read access to etcd reveals every tenant's credentials.
            """,
        remediation: "Write an EncryptionConfiguration (kms v2, or secretbox/aesgcm) covering secrets and pass it with --encryption-provider-config.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.missing(["encryption-provider-config"], "Secrets are stored in etcd unencrypted")
    }
}
