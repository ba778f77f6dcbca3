import RampartModel
import RampartNetwork

/// `netpol.egress-to-anywhere`: an egress ipBlock of `0.0.0.0/0` or `::/0`, or an egress rule without `to`.
public struct NetpolEgressToAnywhere: Rule {
    public let metadata = RuleMetadata(
        id: "netpol.egress-to-anywhere",
        title: "Policy allows egress to every address",
        severity: .medium, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            An ipBlock of `0.0.0.0/0` (or `::/0`) opens the internet, and with CNIs that match pod addresses \
            in ipBlocks, every pod of every tenant, to the selected pods: exfiltration and lateral movement \
            stay open behind a policy that looks restrictive.
            """,
        remediation: """
            Name the destinations the workload needs (CIDRs of the services it calls, or selectors for \
            in-cluster peers); if the internet is needed, except the cluster's pod and service ranges and \
            169.254.169.254.
            """)

    public init() {}

    public var reads: Set<ResourceKind> { NetworkAnalysis.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        context.peerViolations(.egress) { peer in
            switch peer {
            case nil:
                return "egress to every address (the rule names no `to`)"
            case .ipBlock(let block) where block.cidr.hasSuffix("/0"):
                let except = block.except.isEmpty ? "" : " (except \(block.except.joined(separator: ", ")))"
                return "egress to \(block.cidr)\(except)"
            case .ipBlock, .pods, .namespaces, .podsInNamespaces, .nodes, .unknownAddresses, .invalid:
                return nil
            }
        }
    }
}
