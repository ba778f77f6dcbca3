import RampartModel
import RampartNetwork

/// `netpol.no-default-deny`: a tenant namespace where no policy isolates every pod for ingress.
public struct NetpolNoDefaultDeny: Rule {
    public let metadata = RuleMetadata(
        id: "netpol.no-default-deny",
        title: "Namespace has no default-deny ingress policy",
        severity: .high, layer: .network,
        standards: ["CIS 5.3.2", "NSA/CISA: network separation"],
        rationale: """
            Kubernetes networking is flat: a pod that no NetworkPolicy selects accepts connections from every \
            pod of every tenant and from outside the cluster. Only a policy that selects every pod of the \
            namespace makes "deny unless allowed" the default.
            """,
        remediation: """
            Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress]` (no ingress rules) to the \
            namespace, then allow the flows the workloads need with narrower policies.
            """)

    public init() {}

    public var reads: Set<ResourceKind> { NetworkAnalysis.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        DefaultDeny.violations(.ingress, in: context) { namespace in
            "namespace '\(namespace)' has no policy selecting all its pods for Ingress: pods no other policy selects accept traffic from everywhere"
        }
    }
}
