import RampartModel

extension ResourceKind {
    public static let adminNetworkPolicies = ResourceKind(group: "policy.networking.k8s.io", kind: "AdminNetworkPolicy",
                                                          resource: "adminnetworkpolicies")
    public static let baselineAdminNetworkPolicies = ResourceKind(group: "policy.networking.k8s.io", kind: "BaselineAdminNetworkPolicy",
                                                                  resource: "baselineadminnetworkpolicies")
    public static let clusterNetworkPolicies = ResourceKind(group: "policy.networking.k8s.io", kind: "ClusterNetworkPolicy",
                                                            resource: "clusternetworkpolicies")
}

extension NetworkAnalysis {
    /// The kinds the reachability analysis reads: pods and workload templates (with their labels and
    /// ports), the namespaces (selectors match their labels) and the policies of every kind it compiles.
    public static let reads: Set<ResourceKind> = ResourceKind.podBearing.union([
        .namespaces, .networkPolicies, .adminNetworkPolicies, .baselineAdminNetworkPolicies, .clusterNetworkPolicies,
    ])
}
