import RampartControlPlane
import RampartModel

/// `images.pull-policy`: a tag-referenced image that a node may reuse from its cache. Whether the
/// cached image may be another tenant's private one depends on the kubelets: from Kubernetes 1.35
/// they re-verify the pod's pull credentials for cached images (KEP-2535) unless configured not to.
public struct ImagesPullPolicy: PodRule {
    public let metadata = RuleMetadata(
        id: "images.pull-policy",
        title: "Image pull policy lets a node reuse a cached image",
        severity: .low, layer: .container,
        standards: ["CIS 1.2.11", "NSA/CISA: container images"],
        rationale: """
            With `IfNotPresent` or `Never`, a node runs whatever image it cached under that tag: a stale \
            version and, on kubelets before 1.35 or set to `imagePullCredentialsVerificationPolicy: NeverVerify`, \
            a private image another tenant pulled, without checking the pod's pull credentials.
            """,
        remediation: """
            Pin the image by digest, or set `imagePullPolicy: Always`; on shared clusters run kubelets 1.35+ \
            with a credential-verifying `imagePullCredentialsVerificationPolicy` (or, before 1.35, enable the \
            AlwaysPullImages admission plugin).
            """)

    public init() {}

    /// Pods, and more: the Nodes' kubelet versions (KubeletConfiguration files come with the inputs).
    public var reads: Set<ResourceKind> { ResourceKind.podBearing.union(ControlPlane.reads) }

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        pod.containerViolations(field: "imagePullPolicy") { container -> (message: String, notes: [String])? in
            guard let image = container.image else { return nil }
            let reference = ImageReference(image)
            guard !reference.isPinned else { return nil }
            let policy = container.node["imagePullPolicy"]?.string
            let effective = policy ?? (reference.isLatest ? "Always" : "IfNotPresent")
            guard effective != "Always" else { return nil }
            var notes = policy == nil ? ["imagePullPolicy defaulted to IfNotPresent by the API server (tagged image, not latest)"] : []
            let risk: String
            switch context.cachedImageCredentials.verdict {
            case .verified(let reason):
                risk = "a node may run a stale cached image"
                notes.append(reason + ": another tenant's private image is not reused without credentials")
            case .notVerified(let reason):
                risk = "a node may run a stale or another tenant's cached image"
                notes.append(reason)
            case .unknown:
                risk = "a node may run a stale or another tenant's cached image"
                notes.append("kubelets from 1.35 re-verify pull credentials of cached images unless set to NeverVerify; "
                             + "no Node or KubeletConfiguration among the inputs tells which kubelets run here")
            }
            return ("\(container.label) pulls '\(image)' with imagePullPolicy \(effective): \(risk)", notes)
        }
    }
}

extension AuditContext {
    /// Whether the kubelets re-verify pull credentials of cached images, worked out once per audit.
    var cachedImageCredentials: CachedImageCredentials {
        shared(CachedImageCredentials.self) { _ in CachedImageCredentials(controlPlane) }
    }
}
