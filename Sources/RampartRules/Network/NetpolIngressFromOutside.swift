import RampartModel
import RampartNetwork

/// `netpol.ingress-from-outside`: an ingress rule that admits public addresses to the selected pods.
public struct NetpolIngressFromOutside: Rule {
    public let metadata = RuleMetadata(
        id: "netpol.ingress-from-outside",
        title: "Policy makes pods reachable from outside the cluster",
        severity: .medium, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            An ingress rule without peers, or with an ipBlock that covers public addresses, lets anyone who \
            can route to the pods connect: with a LoadBalancer or a node port in front, that is the internet.
            """,
        remediation: """
            Admit only the load balancer's or ingress controller's addresses (or select the ingress \
            controller's pods), and keep the ports to what the workload serves.
            """)

    /// Address ranges that are not routable on the internet.
    static let privateRanges = IPRangeSet([
        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "fc00::/7", "fe80::/10", "::1/128",
    ].compactMap { IPRange(cidr: $0) })

    public init() {}

    public var reads: Set<ResourceKind> { NetworkAnalysis.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        context.tenantPolicies.flatMap { index, policy -> [Violation] in
            guard policy.directions.contains(.ingress), !context.network.podsSelected(byPolicy: index).isEmpty else { return [] }
            return policy.ingress.compactMap { rule in
                let public_ = rule.externalAddresses.subtracting(Self.privateRanges)
                guard !public_.isEmpty, !rule.connections(servedBy: []).isEmpty || rule.hasNamedPort else { return nil }
                let what = rule.peers == nil ? "every address" : "public addresses (\(public_.ranges.prefix(3).map(\.description).joined(separator: ", ")))"
                return Violation(object: policy.object, path: rule.path,
                                 message: "policy '\(policy.id)' admits \(what) to the pods it selects")
            }
        }
    }
}
