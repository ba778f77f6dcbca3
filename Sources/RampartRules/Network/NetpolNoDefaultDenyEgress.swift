import RampartModel
import RampartNetwork

/// `netpol.no-default-deny-egress`: a tenant namespace where no policy isolates every pod for egress.
public struct NetpolNoDefaultDenyEgress: Rule {
    public let metadata = RuleMetadata(
        id: "netpol.no-default-deny-egress",
        title: "Namespace has no default-deny egress policy",
        severity: .medium, layer: .network,
        standards: ["CIS 5.3.2", "NSA/CISA: network separation"],
        rationale: """
            Without egress control a compromised pod can reach every other tenant, the cloud metadata service \
            (169.254.169.254, which hands out node credentials) and the whole internet, to exfiltrate data or \
            fetch tools.
            """,
        remediation: """
            Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Egress]` to the namespace, then allow \
            DNS and the destinations the workloads need.
            """)

    public init() {}

    public var reads: Set<ResourceKind> { NetworkAnalysis.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        DefaultDeny.violations(.egress, in: context) { namespace in
            "namespace '\(namespace)' has no policy selecting all its pods for Egress: they can reach every pod, the cloud metadata address and the internet"
        }
    }
}
