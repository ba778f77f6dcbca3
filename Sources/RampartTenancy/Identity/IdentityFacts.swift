import RampartModel

/// The cloud identities of service accounts by identity and by namespace, the ClusterSecretStores,
/// and what brings Secrets from outside the cluster into each namespace, worked out once for every
/// tenant.
struct IdentityFacts {
    let identitiesByValue: [String: [CloudIdentity]]
    let identitiesByNamespace: [String: [CloudIdentity]]
    let clusterStores: [SecretStoreReach]
    let externalSources: NamespaceIndex<KubeObject>

    init(_ inventory: Inventory) {
        let identities = CloudIdentity.all(in: inventory)
        identitiesByValue = Dictionary(grouping: identities, by: \.identity)
        identitiesByNamespace = Dictionary(grouping: identities, by: \.namespace)
        let stores = ResourceKind.clusterSecretStores
        clusterStores = inventory.objects(ofKind: stores.kind, group: stores.group).map(SecretStoreReach.init)
        externalSources = NamespaceIndex(ResourceKind.externalSecretSources.flatMap { inventory.objects(ofKind: $0.kind, group: $0.group) }) {
            $0.namespace
        }
    }
}
