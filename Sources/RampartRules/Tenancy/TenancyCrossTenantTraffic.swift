import RampartModel
import RampartTenancy

/// `tenancy.cross-tenant-traffic`: Pods of one tenant can connect to pods of another. One finding per
/// namespace open to other tenants, naming the first few namespaces that reach it and counting the rest.
public struct TenancyCrossTenantTraffic: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.cross-tenant-traffic",
        title: "Pods of one tenant can connect to pods of another",
        severity: .high, layer: .network,
        standards: ["CIS 5.3.2", "NSA/CISA: network separation"],
        rationale: """
            Kubernetes networking is flat: without NetworkPolicies every pod reaches every other. A connection between two tenants needs both the source's egress and the destination's ingress to allow it; either default-deny stops it. One finding per namespace that other tenants reach, naming the first five namespaces that reach it and counting the rest.
            """,
        remediation: """
            Add default-deny ingress and egress NetworkPolicies to both tenants' namespaces and allow only the flows each needs (DNS, the ingress controller, its own pods).
            """)

    public init() {}

    var kind: TenancyGap.Kind { .crossTenantTraffic }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .crossTenantTraffic(let site, let namespace, let sources) = gap else { return nil }
        let target = "pods of tenant \(site.tenant) (namespace \(namespace))"
        if let source = sources.single {
            return Violation(site, "pods of tenant \(source.tenant) (namespace \(source.namespace)) can connect to \(target): \(source.connections)")
        }
        return Violation(site, "pods of \(sources.counted) can connect to \(target): \(sources.listing)",
                         notes: ["every namespace that reaches \(namespace): rampart netpol namespaces; why one pair connects: rampart netpol explain FROM TO PORT/PROTO"])
    }
}
