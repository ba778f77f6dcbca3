import RampartModel
import RampartTenancy

/// `tenancy.public-node-exposure`: Tenant listens on nodes with public addresses.
public struct TenancyPublicNodeExposure: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.public-node-exposure",
        title: "Tenant listens on nodes with public addresses",
        severity: .high, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            A pod on the host network or with a host port, and every node port, listens on the node's addresses. On a node with a public (ExternalIP) address it is reachable from the internet, past the platform's ingress, its TLS and authentication, and past NetworkPolicy, which often does not see node-port traffic as external.
            """,
        remediation: """
            Publish the tenant's services through the platform's ingress (ClusterIP Services), forbid host networking and host ports (Pod Security baseline) and node ports (a quota of `services.nodeports: 0`), or keep public addresses off the nodes that run tenant pods.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .publicNodeExposure }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .publicNodeExposure(let site, let what, let nodes) = gap else { return nil }
        return Violation(site, "\(what) of tenant \(site.tenant) on nodes with public addresses: \(nodes.joined(separator: ", "))")
    }
}
