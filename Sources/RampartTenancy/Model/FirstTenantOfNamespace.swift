import RampartModel

extension TenancyModel {
    /// By Namespace of the inputs: the index in `tenants` of the first tenant whose namespaces
    /// include it (nil: none), each tenant trying only the namespaces it may match.
    public func firstTenants(in inventory: Inventory) -> [String: Int?] {
        var first: [String: Int?] = Dictionary(uniqueKeysWithValues: inventory.namespaceNames.map { ($0, nil) })
        let candidates = NamespaceCandidates(inventory)
        for (index, spec) in tenants.enumerated() {
            for namespace in candidates.superset(of: spec.namespaces) where first[namespace] == .some(nil)
            && spec.namespaces.matches(namespace, labels: inventory.namespaceLabels(namespace) ?? [:]) {
                first[namespace] = index
            }
        }
        return first
    }
}
