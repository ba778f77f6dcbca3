import RampartModel
import RampartNetwork

/// `netpol.egress-to-metadata`: an egress rule that lets pods reach the cloud metadata address.
public struct NetpolEgressToMetadata: Rule {
    public let metadata = RuleMetadata(
        id: "netpol.egress-to-metadata",
        title: "Policy allows egress to the cloud metadata address",
        severity: .high, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            169.254.169.254 is the cloud provider's metadata service; it hands out the node's credentials, and \
            with them access to the cloud account. A tenant pod that reaches it can act as the node.
            """,
        remediation: "Add `169.254.169.254/32` to the `except` list of the ipBlock, or narrow the rule's destinations.")

    /// The metadata address of the major clouds.
    static let address = IPAddress("169.254.169.254")

    public init() {}

    public var reads: Set<ResourceKind> { NetworkAnalysis.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        guard let address = Self.address else { return [] }
        return context.tenantPolicies.flatMap { _, policy -> [Violation] in
            guard policy.directions.contains(.egress) else { return [] }
            return policy.egress.compactMap { rule in
                guard rule.externalAddresses.contains(address) else { return nil }
                let connections = rule.connections()
                guard !connections.isEmpty else { return nil }
                return Violation(object: policy.object, path: rule.path,
                                 message: "policy '\(policy.id)' allows egress to \(address) (\(connections.text))")
            }
        }
    }
}
