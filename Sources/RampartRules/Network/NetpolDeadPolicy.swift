import RampartModel
import RampartNetwork

/// `netpol.dead-policy`: a policy whose pod selector matches no pod of the inputs.
public struct NetpolDeadPolicy: Rule {
    public let metadata = RuleMetadata(
        id: "netpol.dead-policy",
        title: "Network policy selects no pod",
        severity: .low, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            A policy that selects nothing protects nothing; usually its selector and the workloads' labels \
            drifted apart, and the pods it was written for run unprotected.
            """,
        remediation: "Fix `spec.podSelector` to match the intended pods' labels, or delete the policy.")

    public init() {}

    public var reads: Set<ResourceKind> { NetworkAnalysis.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        let network = context.network
        let namespacesWithPods = Set(network.pods.map(\.namespace))
        return context.tenantPolicies.compactMap { index, policy in
            guard namespacesWithPods.contains(policy.namespace), network.podsSelected(byPolicy: index).isEmpty else { return nil }
            return Violation(object: policy.object, path: "spec.podSelector",
                             message: "policy '\(policy.id)' selects no pod of namespace '\(policy.namespace)' among the inputs")
        }
    }
}
