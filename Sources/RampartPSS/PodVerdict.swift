import RampartModel

/// Where the level a pod is judged by comes from.
public enum PolicySource: String, Sendable, Codable {
    /// Given by the caller (`--level`/`--version`).
    case explicit
    /// The `pod-security.kubernetes.io/enforce` labels of the pod's Namespace (or the admission
    /// default for modes without a label), the Namespace being among the inputs.
    case namespaceLabels = "namespace-labels"
    /// The Namespace is not among the inputs: the admission default, `privileged:latest`.
    case admissionDefault = "default"
}

/// The result of one mode (enforce, audit or warn) on one pod.
public struct ModeVerdict: Sendable {
    public var mode: LevelVersion
    public var violations: [CheckViolation]

    public var allowed: Bool { violations.isEmpty }
}

/// How the Pod Security admission would judge one pod-bearing object.
public struct PodVerdict: Sendable {
    public let pod: PodTemplate
    public let source: PolicySource
    public let enforce: ModeVerdict
    /// What the namespace's audit and warn modes would report; nil when the Namespace is not among the inputs.
    public let audit: ModeVerdict?
    public let warn: ModeVerdict?
    /// Invalid `pod-security.kubernetes.io/*` label values of the namespace.
    public let policyErrors: [String]

    public var allowed: Bool { enforce.allowed }

    /// Judges every pod-bearing object of `inventory`: by `explicit` when given, else by the
    /// labels of its Namespace when that Namespace is among the inputs, else by the admission
    /// default (`privileged:latest`, which allows everything).
    public static func evaluate(_ inventory: Inventory, explicit: LevelVersion? = nil) -> [PodVerdict] {
        inventory.podTemplates.map { pod in
            let policy = inventory.namespaceLabels(pod.namespace).map { NamespacePolicy(labels: $0) }
            let enforce = explicit ?? policy?.enforce ?? NamespacePolicy.defaultMode
            let modes = [enforce] + (policy.map { [$0.audit, $0.warn] } ?? [])
            let results = PodSecurity.evaluate(metadata: pod.metadata, spec: pod.spec, modes: modes)
            let verdicts = zip(modes, results).map { ModeVerdict(mode: $0, violations: $1) }
            let source: PolicySource = explicit != nil ? .explicit : (policy != nil ? .namespaceLabels : .admissionDefault)
            return PodVerdict(pod: pod, source: source, enforce: verdicts[0],
                              audit: policy != nil ? verdicts[1] : nil, warn: policy != nil ? verdicts[2] : nil,
                              policyErrors: policy?.errors ?? [])
        }
    }
}
