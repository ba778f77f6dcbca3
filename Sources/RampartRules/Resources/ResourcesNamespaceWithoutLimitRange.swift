import RampartModel

/// `resources.namespace-without-limitrange`: a tenant namespace without a LimitRange.
public struct ResourcesNamespaceWithoutLimitRange: NamespaceRule {
    public let metadata = RuleMetadata(
        id: "resources.namespace-without-limitrange",
        title: "Tenant namespace without a LimitRange",
        severity: .low, layer: .tenancy,
        standards: ["NSA/CISA: resource policies"],
        rationale: """
            A LimitRange gives every container default requests and limits, so a forgotten `resources` \
            block does not create an unbounded pod; with a quota it makes such pods admissible at all.
            """,
        remediation: "Add a LimitRange with `default` and `defaultRequest` for containers.")

    public init() {}

    public var reads: Set<ResourceKind> { [.namespaces, .limitRanges] }

    func check(namespace: String, in context: AuditContext) -> String? {
        context.limitRanges(in: namespace).isEmpty ? "namespace '\(namespace)' has no LimitRange" : nil
    }
}
