import RampartModel
import RampartTenancy

/// `tenancy.isolation-not-met`: Tenant does not achieve the isolation it requires.
public struct TenancyIsolationNotMet: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.isolation-not-met",
        title: "Tenant does not achieve the isolation it requires",
        severity: .high, layer: .tenancy,
        standards: ["NSA/CISA: multi-tenancy"],
        rationale: """
            A tenant's trust profile sets the isolation it needs: untrusted tenants and untrusted code need hard isolation (a sandboxed runtime on dedicated nodes), regulated tenants dedicated nodes, trusted tenants at least namespace, RBAC, quota and network policy. One weak layer is enough for a tenant to reach its neighbours.
            """,
        remediation: """
            Run `rampart tenants check` and fix the failing layers of the tenant, in the order of the book of work; `rampart tenant new` prints a baseline that achieves the required isolation.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .isolationNotMet }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .isolationNotMet(let site, let required, let achieved, let failing, let origin) = gap else { return nil }
        let layers = failing.map { $0.title.lowercased() }.joined(separator: ", ")
        return Violation(site, "tenant \(site.tenant) requires \(required.rawValue) isolation and achieves \(achieved.rawValue): it fails on \(layers)",
                         notes: ["tenant found through: \(origin)"])
    }
}
