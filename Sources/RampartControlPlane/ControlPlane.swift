import RampartModel

/// Everything in an inventory that configures the control plane and the nodes, recognised by
/// content (never by file name): component command lines, kubelet, encryption, audit,
/// authentication and admission (PodSecurity, EventRateLimit) configuration, kubeconfig files, Node
/// objects, and the API server's `/version` as the live reader records it. Built once per audit.
public struct ControlPlane: Sendable {
    public let components: [ControlPlaneComponent]
    public let kubeletConfigs: [KubeletConfig]
    public let encryptionConfigs: [EncryptionConfig]
    public let auditPolicies: [AuditPolicy]
    public let podSecurityConfigs: [PodSecurityAdmissionConfig]
    public let authenticationConfigs: [AuthenticationConfig]
    public let eventRateLimitConfigs: [EventRateLimitConfig]
    public let kubeconfigs: [Kubeconfig]
    public let nodes: [NodeInfo]
    /// The API server's `/version`, when the inputs were read from a live cluster.
    public let serverVersions: [ServerVersion]

    public init(_ inventory: Inventory) {
        components = inventory.podTemplates.flatMap { pod in
            pod.containers.compactMap { ControlPlaneComponent(pod: pod, container: $0) }
        }
        kubeletConfigs = inventory.objects(ofKind: "KubeletConfiguration").compactMap(KubeletConfig.init)
        encryptionConfigs = inventory.objects(ofKind: "EncryptionConfiguration").compactMap(EncryptionConfig.init)
        auditPolicies = inventory.objects(ofKind: "Policy").compactMap(AuditPolicy.init)
        podSecurityConfigs = (inventory.objects(ofKind: "AdmissionConfiguration") + inventory.objects(ofKind: "PodSecurityConfiguration"))
            .flatMap(PodSecurityAdmissionConfig.all)
        eventRateLimitConfigs = (inventory.objects(ofKind: "AdmissionConfiguration") + inventory.objects(ofKind: "Configuration"))
            .flatMap(EventRateLimitConfig.all)
        authenticationConfigs = inventory.objects(ofKind: "AuthenticationConfiguration").compactMap(AuthenticationConfig.init)
        kubeconfigs = inventory.objects(ofKind: "Config").compactMap(Kubeconfig.init)
        nodes = inventory.objects(ofKind: "Node").compactMap(NodeInfo.init)
        serverVersions = inventory.objects(ofKind: ServerVersion.kind).compactMap(ServerVersion.init)
    }

    /// The components of `kinds`, in input order.
    public func components(_ kinds: Set<ComponentKind>) -> [ControlPlaneComponent] {
        components.filter { kinds.contains($0.kind) }
    }
}
