/// A value that objects of two tenants claim (a hostname, a cloud identity): the tenant's first claim,
/// the other tenant's first, and whether the tenant reports the conflict (its first claim comes
/// later in input order, so one conflict is one finding; both tenants fail).
struct ClaimConflict<Claim> {
    let own: Claim
    let other: Claim
    let otherTenant: String
    let reportsHere: Bool

    /// The conflicts of `tenant` among `claims` (every claim of one value, in input order);
    /// `owner` names the tenant of a claim, nil for the platform's and unassigned namespaces'.
    static func of(_ tenant: String, _ claims: [Claim], owner: (Claim) -> String?) -> [ClaimConflict] {
        let owners = claims.map(owner)
        guard let first = owners.firstIndex(of: tenant) else { return [] }
        var others: Set<String> = []
        return claims.indices.compactMap { position in
            guard let other = owners[position], other != tenant, others.insert(other).inserted else { return nil }
            return ClaimConflict(own: claims[first], other: claims[position], otherTenant: other, reportsHere: position < first)
        }
    }

    /// The distinct values the tenant claims (`claims` of each namespace), in the tenant's namespace order.
    static func values(of tenant: Tenant, _ claims: [String: [Claim]], value: (Claim) -> String) -> [String] {
        var values: [String] = []
        for namespace in tenant.namespaces {
            for claim in claims[namespace] ?? [] where !values.contains(value(claim)) { values.append(value(claim)) }
        }
        return values
    }
}

extension TenancyContext {
    /// The tenant owning `namespace`; nil for the platform's and unassigned namespaces.
    func tenantOwning(_ namespace: String?) -> String? {
        namespace.flatMap { ownerOfNamespace[$0] }
    }
}
