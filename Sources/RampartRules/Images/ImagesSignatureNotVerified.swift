import RampartModel

/// `images.signature-not-verified`: Tenant image that no signature verification policy covers.
public struct ImagesSignatureNotVerified: PodRule {
    public let metadata = RuleMetadata(
        id: "images.signature-not-verified",
        title: "Tenant image that no signature verification policy covers",
        severity: .high, layer: .container,
        standards: ["SLSA: verify provenance", "NSA/CISA: supply chain"],
        rationale: """
            The cluster verifies image signatures at admission (Kyverno verifyImages or ImageValidatingPolicy, sigstore policy-controller, Ratify, Connaisseur), but not for this namespace or this image's registry: an image pushed by whoever holds registry credentials, or a tampered mirror, runs unverified, in the gaps that the policies leave.
            """,
        remediation: """
            Extend an enforcing policy to the namespace (for sigstore policy-controller, label it `policy.sigstore.dev/include: "true"`) and to the registry (its image patterns), or move the image to a registry the policies verify.
            """)

    public var reads: Set<ResourceKind> { ResourceKind.podBearing.union(ResourceKind.signatureVerifiers).union([.namespaces]) }

    public init() {}

    /// Only where the cluster verifies signatures at all, and only in tenant namespaces.
    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        let policies = context.signaturePolicies
        guard !policies.list.isEmpty, context.isTenantNamespace(pod.namespace) else { return [] }
        let labels = SignaturePolicies.labels(of: pod.namespace, in: context.inventory)
        return pod.containers.compactMap { container in
            guard let text = container.node["image"]?.string else { return nil }
            let image = ImageReference(text)
            guard !policies.list.contains(where: { $0.covers(image, namespace: pod.namespace, labels: labels) }) else { return nil }
            let inNamespace = policies.names(applyingIn: pod.namespace, labels: labels)
            let why = inNamespace.isEmpty ? "no signature policy applies in namespace \(pod.namespace)"
                : "the policies of namespace \(pod.namespace) (\(inNamespace.joined(separator: ", "))) do not cover \(image.registry)"
            return Violation(object: pod.object, path: container.path.appending("image"),
                             message: "container \(container.name) runs \(text) unverified: \(why)")
        }
    }
}

/// The enforcing signature policies of the inventory, found once for every pod.
struct SignaturePolicies: Sendable {
    let list: [SignaturePolicy]

    /// The names of the policies that apply in `namespace`, whose labels are `labels`.
    func names(applyingIn namespace: String, labels: [String: String]) -> [String] {
        list.filter { $0.namespaces(namespace, labels) }.map(\.name)
    }

    /// The labels policies select `namespace` by (its name label alone when its Namespace is not among the inputs).
    static func labels(of namespace: String, in inventory: Inventory) -> [String: String] {
        inventory.namespaceLabels(namespace) ?? ["kubernetes.io/metadata.name": namespace]
    }
}

extension AuditContext {
    /// The enforcing signature policies of the inventory, found once for every rule.
    var signaturePolicies: SignaturePolicies {
        shared(SignaturePolicies.self) { SignaturePolicies(list: SignaturePolicy.all(in: $0)) }
    }
}
