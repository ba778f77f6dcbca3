import RampartModel
import RampartNetwork

/// `netpol.unselected-workload`: a workload that no policy selects, in a namespace that has policies.
public struct NetpolUnselectedWorkload: Rule {
    public let metadata = RuleMetadata(
        id: "netpol.unselected-workload",
        title: "Workload is selected by no network policy",
        severity: .medium, layer: .network,
        standards: ["CIS 5.3.2", "NSA/CISA: network separation"],
        rationale: """
            A pod that no NetworkPolicy selects is not isolated in either direction, even in a namespace whose \
            other pods are: it accepts and opens connections to every pod of every tenant. Often a label \
            changed and the policy stopped matching.
            """,
        remediation: "Add a default-deny policy (`podSelector: {}`) to the namespace, or fix the labels or the policy's selector.")

    public init() {}

    public var reads: Set<ResourceKind> { NetworkAnalysis.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        let network = context.network
        let namespacesWithPolicies = Set(network.policies.map(\.namespace))
        // A workload is judged once, where it is written: not again through its ReplicaSets and Pods.
        let topLevel = Set(context.inventory.topLevelPodTemplates.map(\.object.reference))
        return network.pods.indices.compactMap { index in
            let pod = network.pods[index]
            guard topLevel.contains(pod.object.reference),
                  namespacesWithPolicies.contains(pod.namespace), context.isTenantNamespace(pod.namespace),
                  !network.isIsolated(pod: index, .ingress), !network.isIsolated(pod: index, .egress) else { return nil }
            let path = PodTemplate.templatePaths[pod.object.kind].map { $0.appending("metadata") } ?? "metadata"
            return Violation(object: pod.object, path: path,
                             message: "no network policy of namespace '\(pod.namespace)' selects \(pod.object.kind) '\(pod.object.name)' (labels \(Self.describe(pod.labels))): it is not isolated")
        }
    }

    private static func describe(_ labels: [String: String]) -> String {
        labels.isEmpty ? "none" : labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}
