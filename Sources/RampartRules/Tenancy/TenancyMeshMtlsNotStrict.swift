import RampartModel
import RampartTenancy

/// `tenancy.mesh-mtls-not-strict`: Tenant that requires mesh mutual TLS is not covered by it.
public struct TenancyMeshMtlsNotStrict: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.mesh-mtls-not-strict",
        title: "Tenant that requires mesh mutual TLS is not covered by it",
        severity: .high, layer: .secrets,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            The tenant declares that its traffic must be encrypted and authenticated between pods (requireMeshMTLS), often for compliance. Without a STRICT PeerAuthentication (or Linkerd injection) plain-text traffic is accepted.
            """,
        remediation: """
            Add an Istio PeerAuthentication with mtls.mode STRICT to each of the tenant's namespaces (or mesh-wide in istio-system), or enable Linkerd injection on them.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .meshMTLSNotStrict }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .meshMTLSNotStrict(let site, let namespace) = gap else { return nil }
        return Violation(site, "namespace \(namespace) of tenant \(site.tenant) is not covered by mesh mutual TLS in STRICT mode")
    }
}
