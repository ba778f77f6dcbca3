import RampartModel

/// `resources.namespace-without-quota`: a tenant namespace without a ResourceQuota.
public struct ResourcesNamespaceWithoutQuota: NamespaceRule {
    public let metadata = RuleMetadata(
        id: "resources.namespace-without-quota",
        title: "Tenant namespace without a ResourceQuota",
        severity: .medium, layer: .tenancy,
        standards: ["NSA/CISA: resource policies"],
        rationale: """
            Without a quota one tenant can create pods, services, load balancers and volumes until the \
            cluster is full: a denial of service for every other tenant.
            """,
        remediation: "Add a ResourceQuota for CPU, memory, pods, services and storage to every tenant namespace.")

    public init() {}

    public var reads: Set<ResourceKind> { [.namespaces, .resourceQuotas] }

    func check(namespace: String, in context: AuditContext) -> String? {
        context.resourceQuotas(in: namespace).isEmpty ? "namespace '\(namespace)' has no ResourceQuota" : nil
    }
}
