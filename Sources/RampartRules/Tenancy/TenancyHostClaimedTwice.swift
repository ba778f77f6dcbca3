import RampartModel
import RampartTenancy

/// `tenancy.host-claimed-twice`: Hostname routed to two tenants.
public struct TenancyHostClaimedTwice: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.host-claimed-twice",
        title: "Hostname routed to two tenants",
        severity: .critical, layer: .network,
        standards: ["NSA/CISA: multi-tenancy", "Gateway API: hostname conflicts"],
        rationale: """
            Ingress controllers merge the rules of every Ingress (and route) for one host: a tenant that names another tenant's hostname adds paths under it, or takes the whole host when its object is older, and receives that tenant's users, cookies and credentials.
            """,
        remediation: """
            Give each tenant its own hostnames (a subdomain per tenant) and enforce them at admission, e.g. a ValidatingAdmissionPolicy that checks `spec.rules[].host` and `spec.hostnames` against a namespace label, or Gateway listeners whose `allowedRoutes` admit only the tenant's namespaces.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .hostClaimedTwice }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .hostClaimedTwice(let site, let host, let other, let otherObject) = gap else { return nil }
        return Violation(site, "host \(host) of tenant \(site.tenant) is also routed to tenant \(other) by \(otherObject)")
    }
}
