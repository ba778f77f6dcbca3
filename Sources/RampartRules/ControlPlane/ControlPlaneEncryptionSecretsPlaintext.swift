import RampartControlPlane
import RampartModel

/// `controlplane.encryption-secrets-plaintext`: an EncryptionConfiguration that still writes Secrets unencrypted.
public struct ControlPlaneEncryptionSecretsPlaintext: ConfigDocumentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.encryption-secrets-plaintext",
        title: "Encryption configuration writes Secrets unencrypted",
        severity: .high, layer: .secrets,
        standards: ["CIS 1.2.28", "NSA/CISA: secrets encryption"],
        rationale: """
            The first provider of the entry that covers secrets encrypts every write; the others only decrypt. With \
            identity first (or no entry for secrets) Secrets are written in clear text although the cluster looks encrypted.
            """,
        remediation: "Put a real provider (kms with apiVersion v2, or secretbox/aesgcm) first in the entry for secrets, keep identity last for reading old data, then rewrite every Secret (`kubectl get secrets -A -o json | kubectl replace -f -`).")

    public init() {}

    func documents(in controlPlane: ControlPlane) -> [EncryptionConfig] { controlPlane.encryptionConfigs }
    func object(of document: EncryptionConfig) -> KubeObject { document.object }

    func problems(_ config: EncryptionConfig) -> [ConfigProblem] {
        guard let entry = config.secrets else {
            return [ConfigProblem(path: "resources", message: "no entry of resources covers secrets: they are stored unencrypted")]
        }
        guard let first = entry.providers.first else {
            return [ConfigProblem(path: entry.path, message: "the entry for secrets has no providers")]
        }
        guard first.name == "identity" else { return [] }
        return [ConfigProblem(path: first.path, message: "identity is the first provider for secrets: new Secrets are written unencrypted")]
    }
}
