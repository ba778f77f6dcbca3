import RampartControlPlane
import RampartModel

/// `controlplane.encryption-weak-provider`: Secrets encrypted with a provider upstream advises against.
public struct ControlPlaneEncryptionWeakProvider: ConfigDocumentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.encryption-weak-provider",
        title: "Secrets encrypted with a weak or deprecated provider",
        severity: .medium, layer: .secrets,
        standards: ["CIS 1.2.28"],
        rationale: """
            aescbc is open to padding-oracle attacks and is no longer recommended; aesgcm needs a new key every 200,000 \
            writes; both keep the key on the control-plane disk next to the data. KMS v1 is deprecated (off by default \
            since 1.29). KMS v2 keeps the key in an external KMS.
            """,
        remediation: "Use kms with apiVersion v2 (or secretbox) as the first provider for secrets, then rewrite every Secret.")

    /// Why each first provider is weak.
    static let weaknesses: [String: String] = [
        "aescbc": "aescbc is vulnerable to padding-oracle attacks and keeps its key on the control-plane disk",
        "aesgcm": "aesgcm needs key rotation every 200,000 writes and keeps its key on the control-plane disk",
    ]

    public init() {}

    func documents(in controlPlane: ControlPlane) -> [EncryptionConfig] { controlPlane.encryptionConfigs }
    func object(of document: EncryptionConfig) -> KubeObject { document.object }

    func problems(_ config: EncryptionConfig) -> [ConfigProblem] {
        guard let first = config.secrets?.providers.first else { return [] }
        if first.name == "kms", !first.isKMSv2 {
            return [ConfigProblem(path: first.path, message: "the first provider for secrets is KMS v1: deprecated, and off by default since Kubernetes 1.29")]
        }
        return Self.weaknesses[first.name].map { [ConfigProblem(path: first.path, message: "the first provider for secrets is \($0)")] } ?? []
    }
}
