import RampartModel

/// What the edge of the cluster shows about tenants, worked out once for every tenant: the
/// hostnames routed to each namespace, Gateway API references across namespaces, the ingress-nginx
/// ConfigMaps that allow snippets, the Services by namespace and the Nodes with public addresses.
struct EdgeFacts {
    let hosts: HostClaims
    let references: [String: [CrossNamespaceReferences.Reference]]
    let snippetsAllowedBy: [KubeObject]
    let services: NamespaceIndex<KubeObject>
    let publicNodes: PublicNodes

    init(_ inventory: Inventory) {
        hosts = HostClaims(inventory)
        references = Dictionary(grouping: CrossNamespaceReferences(inventory).references) { $0.from.namespace ?? "" }
        snippetsAllowedBy = IngressNginxSnippets.allowing(inventory)
        services = NamespaceIndex(inventory.objects(ofKind: ResourceKind.services.kind, group: "")) { $0.namespace }
        publicNodes = PublicNodes(inventory)
    }
}
