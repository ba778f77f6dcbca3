import RampartModel

/// Whether the cluster's kubelets check a pod's pull credentials before running an image another
/// pod already pulled (KEP-2535, "ensure secret pulled images"): the `KubeletEnsureSecretPulledImages`
/// feature gate (alpha and off in 1.33 and 1.34, beta and on from 1.35) and the KubeletConfiguration's
/// `imagePullCredentialsVerificationPolicy` (`NeverVerifyPreloadedImages` by default; `NeverVerify`
/// keeps the old behaviour, where any pod may run any cached image).
public struct CachedImageCredentials: Sendable {
    /// What the inputs tell.
    public enum Verdict: Sendable, Equatable {
        /// Every kubelet re-verifies: a cached image pulled with one tenant's credentials is pulled
        /// again (and so authorised) for another tenant's pod.
        case verified(reason: String)
        /// Some kubelet runs cached images without checking the pod's credentials.
        case notVerified(reason: String)
        /// Neither a Node nor a KubeletConfiguration among the inputs says.
        case unknown
    }

    public static let featureGate = "KubeletEnsureSecretPulledImages"
    public static let policyField: FieldPath = "imagePullCredentialsVerificationPolicy"
    public static let defaultPolicy = "NeverVerifyPreloadedImages"
    /// The first release whose kubelets verify by default (the gate's beta).
    public static let verifyingByDefault = KubernetesVersion.v1(35)

    public let verdict: Verdict

    public init(_ controlPlane: ControlPlane) {
        let versions = controlPlane.nodes.compactMap(\.kubeletVersion)
        let oldest = versions.min()
        let configs = controlPlane.kubeletConfigs
        guard oldest != nil || !configs.isEmpty else {
            verdict = .unknown
            return
        }
        // Without a KubeletConfiguration the kubelets run with the defaults of their version.
        let settings = configs.isEmpty ? [nil] : configs.map(Optional.some)
        var reasons: [String] = []
        for config in settings {
            let policy = config?.field(Self.policyField)?.string ?? Self.defaultPolicy
            let gate = config?.featureGates[Self.featureGate]
            if gate == false {
                verdict = .notVerified(reason: "a KubeletConfiguration among the inputs turns the \(Self.featureGate) feature gate off")
                return
            }
            if policy == "NeverVerify" {
                verdict = .notVerified(reason: "a KubeletConfiguration among the inputs sets imagePullCredentialsVerificationPolicy: NeverVerify")
                return
            }
            if gate == nil {
                guard let oldest else {
                    verdict = .unknown
                    return
                }
                guard oldest >= Self.verifyingByDefault else {
                    verdict = .notVerified(reason: "kubelet \(oldest) predates the default credential check of cached images (Kubernetes 1.35)")
                    return
                }
            }
            reasons.append("imagePullCredentialsVerificationPolicy \(policy)")
        }
        let version = oldest.map { "kubelets \($0)+" } ?? "the kubelets"
        verdict = .verified(reason: "\(version) re-verify pull credentials of cached images (\(Set(reasons).sorted().joined(separator: ", ")))")
    }
}
