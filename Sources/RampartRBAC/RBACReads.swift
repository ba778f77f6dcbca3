import RampartModel

extension RBACPolicy {
    /// The kinds the authorizer and the escalation analysis read: the RBAC objects, the service
    /// accounts and namespaces subjects live in, the pods and workloads whose tokens a subject can
    /// take over, and the Secrets that hold service-account tokens.
    public static let reads: Set<ResourceKind> = ResourceKind.rbac.union(ResourceKind.podBearing)
        .union([.serviceAccounts, .namespaces, .secrets])
}
