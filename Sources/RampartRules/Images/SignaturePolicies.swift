import RampartModel

extension ResourceKind {
    public static let kyvernoClusterPolicies = ResourceKind(group: "kyverno.io", kind: "ClusterPolicy", resource: "clusterpolicies")
    public static let kyvernoPolicies = ResourceKind(group: "kyverno.io", kind: "Policy", resource: "policies")
    public static let imageValidatingPolicies = ResourceKind(group: "policies.kyverno.io", kind: "ImageValidatingPolicy",
                                                             resource: "imagevalidatingpolicies")
    public static let clusterImagePolicies = ResourceKind(group: "policy.sigstore.dev", kind: "ClusterImagePolicy",
                                                          resource: "clusterimagepolicies")
    public static let ratifyVerifications = ResourceKind(group: "constraints.gatekeeper.sh", kind: "RatifyVerification",
                                                         resource: "ratifyverification")
    public static let mutatingWebhookConfigurations = ResourceKind(group: "admissionregistration.k8s.io", kind: "MutatingWebhookConfiguration",
                                                                   resource: "mutatingwebhookconfigurations")

    /// The kinds that verify image signatures at admission.
    public static let signatureVerifiers: Set<ResourceKind> = [
        kyvernoClusterPolicies, kyvernoPolicies, imageValidatingPolicies, clusterImagePolicies, ratifyVerifications,
        mutatingWebhookConfigurations,
    ]
}

/// One admission policy that refuses pods whose images carry no valid signature, with what it covers:
/// Kyverno `verifyImages` rules (ClusterPolicy, Policy) and ImageValidatingPolicies, sigstore
/// policy-controller ClusterImagePolicies (namespaces labelled `policy.sigstore.dev/include: "true"`),
/// Ratify through its Gatekeeper constraint, Connaisseur's webhook. Policies that only audit or warn
/// verify nothing at admission and are left out. Kyverno `exclude` blocks are not read (coverage may
/// be overstated where they carve namespaces out).
struct SignaturePolicy: Sendable {
    /// `Kyverno ClusterPolicy verify-images`.
    let name: String
    /// Image patterns (`*` any run of characters, `?` one); empty: every image.
    let images: [String]
    /// Whether the policy applies in a namespace with these labels.
    let namespaces: @Sendable (String, [String: String]) -> Bool

    func covers(_ image: ImageReference, namespace: String, labels: [String: String]) -> Bool {
        guard namespaces(namespace, labels) else { return false }
        let forms = [image.text, image.qualifiedName + (image.tag.map { ":" + $0 } ?? "") + (image.digest.map { "@" + $0 } ?? "")]
        return images.isEmpty || images.contains { pattern in forms.contains { Wildcard.matches(pattern, $0) } }
    }

    /// Every enforcing signature policy of `inventory`.
    static func all(in inventory: Inventory) -> [SignaturePolicy] {
        kyverno(inventory) + imageValidating(inventory) + sigstore(inventory) + ratify(inventory) + connaisseur(inventory)
    }

    private static func objects(_ kind: ResourceKind, _ inventory: Inventory) -> [KubeObject] {
        inventory.objects(ofKind: kind.kind, group: kind.group)
    }

    private static func kyverno(_ inventory: Inventory) -> [SignaturePolicy] {
        (objects(.kyvernoClusterPolicies, inventory) + objects(.kyvernoPolicies, inventory)).flatMap { policy -> [SignaturePolicy] in
            let spec = policy.root["spec"]
            let enforcedByDefault = spec?["validationFailureAction"]?.string?.lowercased() == "enforce"
            return (spec?["rules"]?.items ?? []).compactMap { rule -> SignaturePolicy? in
                let checks = (rule["verifyImages"]?.items ?? []).filter { check in
                    check["failureAction"]?.string.map { $0.lowercased() == "enforce" } ?? enforcedByDefault
                }
                guard !checks.isEmpty else { return nil }
                let images = checks.flatMap { ($0["imageReferences"]?.items ?? []).compactMap(\.string) + ($0["image"]?.string.map { [$0] } ?? []) }
                let filters = ((rule["match"]?["any"]?.items ?? []) + (rule["match"]?["all"]?.items ?? [])).compactMap { $0["resources"] }
                    + (rule["match"]?["resources"].map { [$0] } ?? [])
                let own = policy.namespace
                let scopes = filters.map(KyvernoResources.init)
                return SignaturePolicy(name: "Kyverno \(policy.kind) \(policy.name)", images: images) { namespace, labels in
                    (own == nil || own == namespace) && scopes.contains { $0.admits(namespace, labels) }
                }
            }
        }
    }

    private static func imageValidating(_ inventory: Inventory) -> [SignaturePolicy] {
        objects(.imageValidatingPolicies, inventory).compactMap { policy in
            let spec = policy.root["spec"]
            let actions = (spec?["validationActions"]?.items ?? []).compactMap(\.string)
            guard actions.isEmpty || actions.contains("Deny") else { return nil }
            let selector = spec?["matchConstraints"]?["namespaceSelector"].map(LabelSelector.init)
            let images = (spec?["matchImageReferences"]?.items ?? []).compactMap { $0["glob"]?.string }
            return SignaturePolicy(name: "Kyverno ImageValidatingPolicy \(policy.name)", images: images) { _, labels in
                selector?.matches(labels) ?? true
            }
        }
    }

    private static func sigstore(_ inventory: Inventory) -> [SignaturePolicy] {
        objects(.clusterImagePolicies, inventory).compactMap { policy in
            guard policy.root["spec"]?["mode"]?.string != "warn" else { return nil }
            let images = (policy.root["spec"]?["images"]?.items ?? []).compactMap { $0["glob"]?.string }
            return SignaturePolicy(name: "sigstore ClusterImagePolicy \(policy.name)", images: images.isEmpty ? ["-"] : images) { _, labels in
                labels["policy.sigstore.dev/include"] == "true"
            }
        }
    }

    private static func ratify(_ inventory: Inventory) -> [SignaturePolicy] {
        objects(.ratifyVerifications, inventory).compactMap { constraint in
            let spec = constraint.root["spec"]
            guard ["deny", nil].contains(spec?["enforcementAction"]?.string?.lowercased()) else { return nil }
            let included = (spec?["match"]?["namespaces"]?.items ?? []).compactMap(\.string)
            let excluded = (spec?["match"]?["excludedNamespaces"]?.items ?? []).compactMap(\.string)
            return SignaturePolicy(name: "Ratify constraint \(constraint.name)", images: []) { namespace, _ in
                (included.isEmpty || included.contains { Wildcard.matches($0, namespace) }) && !excluded.contains { Wildcard.matches($0, namespace) }
            }
        }
    }

    private static func connaisseur(_ inventory: Inventory) -> [SignaturePolicy] {
        objects(.mutatingWebhookConfigurations, inventory).filter { $0.name.contains("connaisseur") }.map { configuration in
            let selectors = (configuration.root["webhooks"]?.items ?? []).map { $0["namespaceSelector"].map(LabelSelector.init) ?? LabelSelector() }
            return SignaturePolicy(name: "Connaisseur \(configuration.name)", images: []) { _, labels in
                selectors.contains { $0.matches(labels) }
            }
        }
    }
}

/// A Kyverno `resources` filter: kinds that include pods (or their workloads), namespaces (wildcards)
/// and a namespace selector.
private struct KyvernoResources: Sendable {
    let podKinds: Bool
    let namespaces: [String]
    let selector: LabelSelector?

    init(_ node: Node) {
        let kinds = (node["kinds"]?.items ?? []).compactMap(\.string)
        let workloads: Set<String> = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "*"]
        podKinds = kinds.contains { workloads.contains(String($0.split(separator: "/").last ?? "")) }
        namespaces = (node["namespaces"]?.items ?? []).compactMap(\.string)
        selector = node["namespaceSelector"].map(LabelSelector.init)
    }

    func admits(_ namespace: String, _ labels: [String: String]) -> Bool {
        podKinds && (namespaces.isEmpty || namespaces.contains { Wildcard.matches($0, namespace) }) && (selector?.matches(labels) ?? true)
    }
}

/// Kyverno's and Gatekeeper's wildcards: `*` matches any run of characters, `?` one character.
public enum Wildcard {
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let pattern = Array(pattern), text = Array(text)
        var p = 0, t = 0, star = -1, resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
