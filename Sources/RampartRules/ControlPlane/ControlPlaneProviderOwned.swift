import RampartControlPlane
import RampartModel

/// `controlplane.provider-owned`: a managed platform runs the control plane, so the checks of its
/// components were not judged (neither passed nor failed).
public struct ControlPlaneProviderOwned: Rule {
    public let metadata = RuleMetadata(
        id: "controlplane.provider-owned",
        title: "Control plane run by the provider: its checks were not judged",
        severity: .info, layer: .controlPlane,
        standards: ["Shared responsibility model of managed Kubernetes"],
        rationale: """
            On EKS, GKE, AKS and OpenShift the provider runs the API server, etcd, the controller manager and the \
            scheduler: their flags and files cannot be read, so the control-plane rules find nothing, which is not the \
            same as finding them hardened. This note says so, once, with what showed the platform (the API server's \
            version suffix, a node label the service sets, or the kubelet's version suffix). A node's providerID alone \
            names only the cloud, which self-managed clusters share, and is not taken as evidence.
            """,
        remediation: """
            Check the provider's own settings (audit logging, secrets encryption, endpoint access, authentication) against \
            its CIS benchmark (EKS, GKE, AKS, OpenShift); if you run the control plane yourself, give Rampart its files.
            """)

    public init() {}

    public var reads: Set<ResourceKind> { ControlPlane.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        let platform = context.managedPlatform
        guard let marker = platform.marker, context.controlPlane.components.isEmpty else { return [] }
        let provider = marker.platform.rawValue
        return [Violation(object: marker.object, path: marker.path,
                          message: "the control plane is run by \(provider) (\(marker.evidence)): its checks were not judged",
                          notes: ComponentKind.allCases.map { "\(Self.family($0)): owned by \(provider), not judged" })]
    }

    /// What the rules judge of each component.
    private static func family(_ kind: ComponentKind) -> String {
        switch kind {
        case .apiServer: "kube-apiserver (authentication, authorization, admission, audit, encryption and TLS flags)"
        case .controllerManager: "kube-controller-manager flags"
        case .scheduler: "kube-scheduler flags"
        case .etcd: "etcd (client and peer TLS)"
        }
    }
}
