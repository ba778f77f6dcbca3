import RampartModel
import RampartTenancy

/// `tenancy.api-server-egress`: Untrusted tenant can open connections to the Kubernetes API server.
public struct TenancyApiServerEgress: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.api-server-egress",
        title: "Untrusted tenant can reach the Kubernetes API server",
        severity: .medium, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            The API server is the cluster's most valuable endpoint: every unauthenticated path, every leaked token and every API server vulnerability is one connection away from untrusted code that may open it. Workloads that never call the API should not be able to reach it.
            """,
        remediation: """
            Give the tenant's namespaces an egress default-deny and allow only what the workloads need, leaving the API server's endpoints (the EndpointSlices of the `kubernetes` Service in `default`) out; keep untrusted pods off the host network.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .apiServerEgress }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .apiServerEgress(let site, let workload, let address, let how) = gap else { return nil }
        return Violation(site, "\(workload) of untrusted tenant \(site.tenant) can connect to the API server at \(address) (\(how))")
    }
}
