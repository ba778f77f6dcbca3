import RampartModel

/// The tenants escalations across tenants start from and end in: each tenant's namespaces.
public struct TenantAssignment: Sendable {
    /// Each tenant's namespaces, sorted.
    public let namespacesOfTenant: [String: [String]]
    /// By namespace: the index in `tenants` of the tenant owning it.
    private let tenantIndexOfNamespace: [String: Int]
    /// The tenants a namespace label makes a namespace part of: whoever rewrites a namespace's labels
    /// adopts it into them (and passes their namespace-selected policies).
    public let byLabel: Set<String>

    /// `namespacesOfTenant`: a namespace listed twice stays with the first tenant in name order.
    public init(namespacesOfTenant: [String: [String]], byLabel: Set<String>) {
        var owners: [String: String] = [:]
        for tenant in namespacesOfTenant.keys.sorted() {
            for namespace in namespacesOfTenant[tenant] ?? [] where owners[namespace] == nil { owners[namespace] = tenant }
        }
        self.namespacesOfTenant = namespacesOfTenant.mapValues { $0.sorted() }
        self.byLabel = byLabel
        tenants = namespacesOfTenant.keys.sorted()
        let indexOfTenant = Dictionary(uniqueKeysWithValues: tenants.enumerated().map { ($1, $0) })
        self.indexOfTenant = indexOfTenant
        tenantIndexOfNamespace = owners.compactMapValues { indexOfTenant[$0] }
        byLabelIndices = byLabel.compactMap { indexOfTenant[$0] }.sorted()
    }

    /// Tenants from the `rampart.dev/tenant` namespace label, else Capsule's `capsule.clastix.io/tenant`.
    public init(labelsOf inventory: Inventory) {
        var tenants: [String: [String]] = [:]
        for namespace in inventory.namespaceNames {
            let labels = inventory.namespaceLabels(namespace) ?? [:]
            if let tenant = [ClusterFacts.tenantLabel, Self.capsuleLabel].lazy.compactMap({ labels[$0] }).first(where: { !$0.isEmpty }) {
                tenants[tenant, default: []].append(namespace)
            }
        }
        self.init(namespacesOfTenant: tenants, byLabel: Set(tenants.keys))
    }

    static let capsuleLabel = "capsule.clastix.io/tenant"

    /// Every tenant's name, sorted.
    public let tenants: [String]
    /// By tenant name: its index in `tenants`.
    private let indexOfTenant: [String: Int]
    /// The indexes in `tenants` of `byLabel`, sorted.
    let byLabelIndices: [Int]

    /// The tenant owning `namespace`, if any.
    public func tenant(of namespace: String) -> String? { tenantIndex(of: namespace).map { tenants[$0] } }

    /// The index in `tenants` of the tenant owning `namespace`, if any.
    func tenantIndex(of namespace: String) -> Int? { tenantIndexOfNamespace[namespace] }

    /// The index in `tenants` of tenant `name`, if it is one.
    func index(ofTenant name: String) -> Int? { indexOfTenant[name] }
}
