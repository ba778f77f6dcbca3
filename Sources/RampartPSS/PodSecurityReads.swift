import RampartModel

extension PodSecurity {
    /// The kinds a Pod Security judgement reads: every pod-bearing kind, and the namespaces whose
    /// labels set the level.
    public static let reads: Set<ResourceKind> = ResourceKind.podBearing.union([.namespaces])
}
