import RampartModel
import RampartRBAC

extension TenancyModel {
    /// The tenants' namespaces among the inputs, for the RBAC engine's escalations across tenants.
    /// A tenant that selects its namespaces by label takes any namespace whose labels are rewritten to match.
    public func assignment(_ inventory: Inventory, platform: Set<String>) -> TenantAssignment {
        var gaps: [TenancyGap] = []
        let tenants = TenancyAnalysis.resolve(self, inventory, platform: platform.union(platformNamespaces),
                                              anchors: TenancyContext.Anchors(inventory), &gaps)
        let byLabel = tenants.filter { $0.spec.namespaces.selector.map { !$0.isEmpty } ?? false }.map(\.name)
        return TenantAssignment(namespacesOfTenant: Dictionary(tenants.map { ($0.name, $0.namespaces) }) { first, _ in first },
                                byLabel: Set(byLabel))
    }
}
