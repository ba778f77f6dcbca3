import RampartModel
import RampartNetwork

/// `netpol.unresolved-named-port`: a named port that no destination pod serves with that protocol.
public struct NetpolUnresolvedNamedPort: Rule {
    public let metadata = RuleMetadata(
        id: "netpol.unresolved-named-port",
        title: "Named port in a policy resolves to no container port",
        severity: .low, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            A named port resolves per destination pod, by name and protocol. When no destination serves it, \
            the rule allows nothing, and the traffic it was meant for is silently dropped (or allowed by \
            something broader).
            """,
        remediation: "Use the exact port name and protocol of the destination containers' `ports`, or a port number.")

    public init() {}

    public var reads: Set<ResourceKind> { NetworkAnalysis.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        let network = context.network
        return context.tenantPolicies.flatMap { index, policy -> [Violation] in
            TrafficDirection.allCases.filter(policy.directions.contains).flatMap { direction in
                policy.rules(direction).flatMap { rule -> [Violation] in
                    guard rule.hasNamedPort else { return [] }
                    let destinations = direction == .ingress
                        ? network.podsSelected(byPolicy: index)
                        : network.podsMatched(byPolicy: index, rule: rule) ?? Array(network.pods.indices)
                    return rule.ports.enumerated().compactMap { portIndex, port in
                        guard case .named(let proto, let name) = port,
                              !destinations.contains(where: { !network.pods[$0].ports(named: name, proto: proto).isEmpty }) else { return nil }
                        return Violation(object: policy.object, path: rule.path.appending("ports").appending(index: portIndex),
                                         message: "policy '\(policy.id)': no \(direction == .ingress ? "selected" : "destination") pod serves a \(proto.rawValue) port named '\(name)'")
                    }
                }
            }
        }
    }
}
