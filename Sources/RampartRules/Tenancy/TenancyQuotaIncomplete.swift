import RampartModel
import RampartTenancy

/// `tenancy.quota-incomplete`: Tenant's ResourceQuota leaves CPU, memory, pods, devices or load balancers unbounded.
public struct TenancyQuotaIncomplete: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.quota-incomplete",
        title: "Tenant's ResourceQuota leaves CPU, memory, pods, devices or load balancers unbounded",
        severity: .medium, layer: .tenancy,
        standards: ["NSA/CISA: resource policies"],
        rationale: """
            A quota that counts objects but not CPU and memory does not stop a tenant from starving its neighbours on shared nodes; where the cluster has DeviceClasses (Dynamic Resource Allocation), a quota without the devices of a class lets one tenant claim every GPU of that class; an untrusted tenant with load balancers or node ports opens the cluster to the internet.
            """,
        remediation: """
            Bound requests.cpu, requests.memory, limits.cpu, limits.memory and pods in the tenant's ResourceQuota, and `<class>.deviceclass.resource.k8s.io/devices` for each DeviceClass; for untrusted tenants set services.loadbalancers and services.nodeports to 0.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .quotaIncomplete }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .quotaIncomplete(let site, let namespace, let unbounded) = gap else { return nil }
        return Violation(site, "the quotas of namespace \(namespace) (tenant \(site.tenant)) do not bound \(unbounded.joined(separator: ", "))")
    }
}
