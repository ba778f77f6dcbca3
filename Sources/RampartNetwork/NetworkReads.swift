import RampartModel

extension ResourceKind {
    public static let adminNetworkPolicies = ResourceKind(group: "policy.networking.k8s.io", kind: "AdminNetworkPolicy",
                                                          resource: "adminnetworkpolicies")
    public static let baselineAdminNetworkPolicies = ResourceKind(group: "policy.networking.k8s.io", kind: "BaselineAdminNetworkPolicy",
                                                                  resource: "baselineadminnetworkpolicies")
    public static let clusterNetworkPolicies = ResourceKind(group: "policy.networking.k8s.io", kind: "ClusterNetworkPolicy",
                                                            resource: "clusternetworkpolicies")
    public static let ciliumNetworkPolicies = ResourceKind(group: "cilium.io", kind: "CiliumNetworkPolicy", resource: "ciliumnetworkpolicies")
    public static let ciliumClusterwideNetworkPolicies = ResourceKind(group: "cilium.io", kind: "CiliumClusterwideNetworkPolicy",
                                                                      resource: "ciliumclusterwidenetworkpolicies")
    public static let calicoNetworkPolicies = ResourceKind(group: "projectcalico.org", kind: "NetworkPolicy", resource: "networkpolicies")
    public static let calicoGlobalNetworkPolicies = ResourceKind(group: "projectcalico.org", kind: "GlobalNetworkPolicy",
                                                                 resource: "globalnetworkpolicies")
}

extension NetworkAnalysis {
    /// The kinds the reachability analysis reads: pods and workload templates (with their labels and
    /// ports), the namespaces (selectors match their labels) and the policies of every kind it compiles.
    public static let reads: Set<ResourceKind> = ResourceKind.podBearing.union([
        .namespaces, .networkPolicies, .adminNetworkPolicies, .baselineAdminNetworkPolicies, .clusterNetworkPolicies,
        .ciliumNetworkPolicies, .ciliumClusterwideNetworkPolicies, .calicoNetworkPolicies, .calicoGlobalNetworkPolicies,
    ])
}
