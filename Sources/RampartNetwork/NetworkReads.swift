import RampartModel

extension NetworkAnalysis {
    /// The kinds the reachability analysis reads: pods and workload templates (with their labels and
    /// ports), the namespaces (selectors match their labels) and the policies.
    public static let reads: Set<ResourceKind> = ResourceKind.podBearing.union([.namespaces, .networkPolicies])
}
