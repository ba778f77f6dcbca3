import RampartModel
import RampartPSS

/// What enforces each control at admission in one namespace: the Pod Security admission of its
/// labels, the cluster's ValidatingAdmissionPolicies, and webhooks whose decisions Rampart does not
/// know. Found by probing: a Pod that breaks one control and nothing else (in the restricted
/// level's sense) is put through each enforcer, beside a clean probe, and a policy counts for a
/// control only when it rejects the probe but not the clean one.
public struct NamespaceCoverage: Sendable {
    /// One enforcer's answer for one control.
    public enum Enforcer: Sendable, Hashable, CustomStringConvertible {
        /// Rejected by the namespace's Pod Security enforce level (`restricted:latest`).
        case podSecurity(String)
        /// Rejected by a ValidatingAdmissionPolicy through a binding with the Deny action.
        case policy(name: String, binding: String)
        /// Only reported: a Warn or Audit binding, or Pod Security's warn or audit mode.
        case reportedOnly(String)
        /// Sent to a webhook whose decision is not known offline.
        case webhook(String)

        public var description: String {
            switch self {
            case .podSecurity(let mode): "Pod Security enforce \(mode)"
            case .policy(let name, let binding): "ValidatingAdmissionPolicy \(name) (binding \(binding))"
            case .reportedOnly(let what): "\(what) (reported, not enforced)"
            case .webhook(let name): "webhook \(name) (decision not known offline)"
            }
        }

        /// True for the enforcers that reject.
        public var rejects: Bool {
            switch self {
            case .podSecurity, .policy: true
            case .reportedOnly, .webhook: false
            }
        }
    }

    public var namespace: String
    /// Every control with what answers for it (empty: nothing enforces or reports it).
    public var controls: [CoverageControl: [Enforcer]]

    /// True when something rejects the probe of `control`.
    public func enforced(_ control: CoverageControl) -> Bool {
        controls[control, default: []].contains(where: \.rejects)
    }
}

/// The coverage map: what enforces each control at admission, namespace by namespace.
public struct AdmissionCoverage: Sendable {
    private let inventory: Inventory
    private let admission: ClusterAdmission
    private let webhooks: [AdmissionWebhook]
    /// The images of each namespace's pods, most used first.
    private let imagesOfNamespace: [String: [String]]
    /// Pod Security's answers for every probe, per distinct namespace policy (most namespaces share one).
    private let podSecurityAnswers: [NamespacePolicy: [CoverageControl: [NamespaceCoverage.Enforcer]]]

    public init(_ inventory: Inventory) {
        self.inventory = inventory
        admission = ClusterAdmission(inventory)
        webhooks = AdmissionWebhook.all(in: inventory)
        imagesOfNamespace = Self.images(inventory)
        var answers: [NamespacePolicy: [CoverageControl: [NamespaceCoverage.Enforcer]]] = [:]
        for namespace in inventory.namespaceNames + [""] {
            let policy = Self.policy(of: namespace, inventory)
            guard answers[policy] == nil else { continue }
            answers[policy] = Dictionary(uniqueKeysWithValues: CoverageControl.allCases.map { control in
                (control, Self.podSecurityAnswers(CoverageControl.probe(control, namespace: namespace, image: ""), policy))
            })
        }
        podSecurityAnswers = answers
    }

    private static func policy(of namespace: String, _ inventory: Inventory) -> NamespacePolicy {
        NamespacePolicy(labels: inventory.namespace(namespace)?.labels ?? [:])
    }

    /// What enforces each control in `namespace`.
    public func coverage(of namespace: String) -> NamespaceCoverage {
        let image = probeImage(for: namespace)
        let labels = NamespaceLabels.labels(of: namespace, in: inventory)
        let podSecurity = podSecurityAnswers[Self.policy(of: namespace, inventory)] ?? [:]
        let cleanDenials = Set(Self.verdicts(of: nil, namespace, image, admission).map { $0.policy + "/" + $0.binding })
        let webhookAnswers = webhooks.filter { $0.coversPods(namespaceLabels: labels) }.map { NamespaceCoverage.Enforcer.webhook($0.name) }
        var controls: [CoverageControl: [NamespaceCoverage.Enforcer]] = [:]
        for control in CoverageControl.allCases {
            var enforcers = podSecurity[control, default: []]
            for verdict in Self.verdicts(of: control, namespace, image, admission)
            where !cleanDenials.contains(verdict.policy + "/" + verdict.binding) {
                enforcers.append(verdict.actions.contains(.deny)
                                 ? .policy(name: verdict.policy, binding: verdict.binding)
                                 : .reportedOnly("ValidatingAdmissionPolicy \(verdict.policy)"))
            }
            controls[control] = enforcers + webhookAnswers
        }
        return NamespaceCoverage(namespace: namespace, controls: controls)
    }

    private static func verdicts(of control: CoverageControl?, _ namespace: String, _ image: String,
                                 _ admission: ClusterAdmission) -> [PolicyVerdict] {
        // Without bindings no policy answers: the probe is not even built (once per control and
        // namespace, the most of a coverage map's cost on a cluster of thousands of namespaces).
        guard !admission.bindings.isEmpty,
              let object = KubeObject(root: CoverageControl.probe(control, namespace: namespace, image: image), file: nil) else { return [] }
        return admission.evaluate(AdmissionAttributes(operation: .create, object: object)).verdicts
    }

    private static func podSecurityAnswers(_ probe: Node, _ policy: NamespacePolicy) -> [NamespaceCoverage.Enforcer] {
        guard let spec = probe["spec"] else { return [] }
        let results = PodSecurity.evaluate(metadata: probe["metadata"], spec: spec, modes: [policy.enforce, policy.warn, policy.audit])
        if !results[0].isEmpty { return [.podSecurity(policy.enforce.description)] }
        return zip(["warn", "audit"], [policy.warn, policy.audit]).enumerated().compactMap { index, mode in
            results[index + 1].isEmpty ? nil : .reportedOnly("Pod Security \(mode.0) \(mode.1)")
        }
    }

    /// The image the probes use in `namespace`: the first of its pods' images (most used first,
    /// then a well-known public one) with which the clean probe passes every policy, so that a
    /// registry policy accepts the probes as it accepts the tenant's pods.
    private func probeImage(for namespace: String) -> String {
        let candidates = (imagesOfNamespace[namespace] ?? []).prefix(5) + ["registry.k8s.io/pause:3.10"]
        guard !admission.bindings.isEmpty else { return candidates[0] }
        return candidates.first { Self.verdicts(of: nil, namespace, $0, admission).isEmpty } ?? candidates[0]
    }

    private static func images(_ inventory: Inventory) -> [String: [String]] {
        var counts: [String: [String: Int]] = [:]
        for pod in inventory.podTemplates {
            for container in pod.spec["containers"]?.items ?? [] {
                if let image = container["image"]?.string { counts[pod.object.namespace ?? "", default: [:]][image, default: 0] += 1 }
            }
        }
        return counts.mapValues { images in images.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key) }
    }
}
