import RampartModel
import RampartPSS

/// What the cluster's own admission would do with one object among the inputs: its mutating
/// policies' changes, its validating policies' verdicts on the mutated object, and, for pods and pod templates, the Pod Security admission of its namespace.
public struct AdmissionCheckResult: Sendable {
    /// The outcome of the whole admission chain for the object.
    public enum Decision: String, Sendable, Encodable {
        /// Admitted without a word.
        case admit
        /// Admitted with warnings to the client.
        case warn
        /// Rejected.
        case deny
    }

    /// What the Pod Security admission says about the object.
    public struct PodSecurityOutcome: Sendable {
        /// `level:version` of the namespace's enforce mode.
        public var enforce: String
        /// Violations of the enforce level: they reject a Pod; on a pod template they are warnings.
        public var enforceViolations: [String]
        /// Violations of the warn level, returned as warnings.
        public var warnViolations: [String]
        /// True when the object is a Pod (enforced), false for a workload's template (warned).
        public var enforced: Bool
    }

    /// The decision of another admission step the caller judged (Rampart's own webhook).
    public struct StepVerdict: Sendable {
        public var name: String
        public var allowed: Bool
        /// The denial message and the warnings.
        public var messages: [String]

        public init(name: String, allowed: Bool, messages: [String]) {
            self.name = name
            self.allowed = allowed
            self.messages = messages
        }
    }

    public var object: KubeObject
    public var decision: Decision
    public var policies: [PolicyVerdict]
    /// What the mutating policies did before validation (the policies judged the mutated object).
    public var mutations: [MutationRecord]
    /// Rampart's own webhook, when the check was given its configuration.
    public var webhook: StepVerdict?
    public var auditAnnotations: [String: String]
    public var podSecurity: PodSecurityOutcome?
}

/// `admission check`: every object among the inputs judged by the cluster's admission as read from
/// the same inputs.
public enum AdmissionCheck {
    /// Judges every object of `inventory` that is not itself admission configuration, nor a
    /// component's configuration file that no API request carries (KubeletConfiguration, a kubeconfig).
    /// `webhook` judges an object as Rampart's own webhook would (nil: not deployed here); `authorize`
    /// answers the policies' `authorizer` for `user` (both needed, else such expressions are undetermined).
    public static func run(_ inventory: Inventory, operation: AdmissionOperation = .create, user: AdmissionUser? = nil,
                           authorize: ClusterAdmission.Authorize? = nil,
                           webhook: ((AdmissionAttributes) -> AdmissionCheckResult.StepVerdict?)? = nil) -> [AdmissionCheckResult] {
        let admission = ClusterAdmission(inventory, authorize: authorize)
        var podSecurity: [ObjectReference: PodVerdict] = [:]
        for verdict in PodVerdict.evaluate(inventory) { podSecurity[verdict.pod.object.reference] = verdict }
        return inventory.objects.filter { !admission.isConfiguration($0) && !isComponentFile($0.reference) }.map { object in
            var request = AdmissionAttributes(operation: operation, object: object)
            let mutation = admission.mutate(request, user: user)
            request.object = mutation.object
            let result = admission.evaluate(request, user: user)
            let pss = operation == .delete ? nil : podSecurity[object.reference].map(outcome)
            let step = webhook?(request)
            let rejected = mutation.records.contains(where: \.rejects)
            return AdmissionCheckResult(object: object, decision: rejected ? .deny : decision(result.verdicts, pss, step),
                                        policies: result.verdicts, mutations: mutation.records,
                                        webhook: step, auditAnnotations: result.auditAnnotations, podSecurity: pss)
        }
    }

    private static func isComponentFile(_ reference: ObjectReference) -> Bool {
        reference.group.hasSuffix(".config.k8s.io") || (reference.group.isEmpty && reference.kind == "Config")
    }

    private static func outcome(_ verdict: PodVerdict) -> AdmissionCheckResult.PodSecurityOutcome {
        AdmissionCheckResult.PodSecurityOutcome(
            enforce: verdict.enforce.mode.description,
            enforceViolations: verdict.enforce.violations.map { "\($0.reason): \($0.detail)" },
            warnViolations: (verdict.warn?.violations ?? []).map { "\($0.reason): \($0.detail)" },
            enforced: verdict.pod.object.kind == "Pod" && verdict.pod.object.reference.group.isEmpty)
    }

    private static func decision(_ verdicts: [PolicyVerdict], _ podSecurity: AdmissionCheckResult.PodSecurityOutcome?,
                                 _ webhook: AdmissionCheckResult.StepVerdict?) -> AdmissionCheckResult.Decision {
        if verdicts.contains(where: { $0.actions.contains(.deny) }) { return .deny }
        if let podSecurity, podSecurity.enforced, !podSecurity.enforceViolations.isEmpty { return .deny }
        if let webhook, !webhook.allowed { return .deny }
        if verdicts.contains(where: { $0.actions.contains(.warn) }) { return .warn }
        if let webhook, !webhook.messages.isEmpty { return .warn }
        if let podSecurity, !podSecurity.enforceViolations.isEmpty || !podSecurity.warnViolations.isEmpty { return .warn }
        return .admit
    }
}
