import RampartModel
import RampartTenancy

/// `tenancy.cross-tenant-traffic`: Pods of one tenant can connect to pods of another.
public struct TenancyCrossTenantTraffic: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.cross-tenant-traffic",
        title: "Pods of one tenant can connect to pods of another",
        severity: .high, layer: .network,
        standards: ["CIS 5.3.2", "NSA/CISA: network separation"],
        rationale: """
            Kubernetes networking is flat: without NetworkPolicies every pod reaches every other. A connection between two tenants needs both the source's egress and the destination's ingress to allow it; either default-deny stops it.
            """,
        remediation: """
            Add default-deny ingress and egress NetworkPolicies to both tenants' namespaces and allow only the flows each needs (DNS, the ingress controller, its own pods).
            """)

    public init() {}

    var kind: TenancyGap.Kind { .crossTenantTraffic }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .crossTenantTraffic(let site, let from, let fromNamespace, let toNamespace, let connections) = gap else { return nil }
        return Violation(site, "pods of tenant \(from) (namespace \(fromNamespace)) can connect to pods of tenant \(site.tenant) (namespace \(toNamespace)): \(connections)")
    }
}
