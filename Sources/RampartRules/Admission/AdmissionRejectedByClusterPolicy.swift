import RampartClusterAdmission
import RampartModel

/// `admission.rejected-by-cluster-policy`: an object the cluster's own admission policies would reject:
/// a MutatingAdmissionPolicy that fails under `failurePolicy: Fail`, or a ValidatingAdmissionPolicy
/// judging the object as the mutating policies left it.
public struct AdmissionRejectedByClusterPolicy: Rule {
    public let metadata = RuleMetadata(
        id: "admission.rejected-by-cluster-policy",
        title: "Object the cluster's own admission policies would reject",
        severity: .medium, layer: .controlPlane,
        standards: ["NSA/CISA: admission control"],
        rationale: """
            The API server evaluates its ValidatingAdmissionPolicies on every request; an object one of them denies fails to deploy, usually in the middle of a rollout. Finding it before it is applied saves the failed deploy and says which policy and message will stop it.
            """,
        remediation: """
            Change the object so the policy's validation holds (the message says which), or, if the policy is wrong, change the policy or its binding.
            """)

    public init() {}

    public var reads: Set<ResourceKind> { ClusterAdmissionRules.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        let admission = context.clusterAdmission
        guard !admission.bindings.isEmpty || !admission.mutatingBindings.isEmpty else { return [] }
        return context.inventory.objects.filter { !admission.isConfiguration($0) }.flatMap { object in
            var request = AdmissionAttributes(operation: .create, object: object)
            let mutation = admission.mutate(request)
            request.object = mutation.object
            let denials = mutation.records.compactMap(\.denial)
                + admission.evaluate(request).verdicts.filter { $0.actions.contains(.deny) }.map { $0.text(for: .deny) }
            return denials.map { Violation(object: object, path: FieldPath(), message: $0) }
        }
    }
}
