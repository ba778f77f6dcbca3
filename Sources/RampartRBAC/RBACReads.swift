import RampartModel

extension RBACPolicy {
    /// The kinds the authorizer and the escalation analysis read: the RBAC objects, the service
    /// accounts and namespaces subjects live in, the pods and workloads whose tokens a subject can
    /// take over, the Secrets that hold service-account tokens, and Argo CD's AppProjects.
    public static let reads: Set<ResourceKind> = ResourceKind.rbac.union(ResourceKind.podBearing)
        .union([.serviceAccounts, .namespaces, .secrets, .argoAppProjects])
}

extension ResourceKind {
    /// Argo CD's AppProjects: where Applications of a namespace may deploy (a confused deputy).
    public static let argoAppProjects = ResourceKind(group: "argoproj.io", kind: "AppProject", resource: "appprojects")
}
