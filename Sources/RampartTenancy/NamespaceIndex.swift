/// Items grouped by namespace, every group in the items' order: a tenant's share of the cluster
/// without scanning the whole cluster for each tenant.
struct NamespaceIndex<Item: Sendable>: Sendable {
    let items: [Item]
    private let positions: [String: [Int]]

    init(_ items: [Item], namespace: (Item) -> String?) {
        self.items = items
        var positions: [String: [Int]] = [:]
        for (position, item) in items.enumerated() {
            if let name = namespace(item) { positions[name, default: []].append(position) }
        }
        self.positions = positions
    }

    /// The items of `namespace`, in order.
    func items(in namespace: String) -> [Item] {
        (positions[namespace] ?? []).map { items[$0] }
    }

    /// The items of `namespaces`, in order.
    func items(in namespaces: Set<String>) -> [Item] {
        guard namespaces.count > 1 else { return namespaces.first.map(items(in:)) ?? [] }
        return namespaces.flatMap { positions[$0] ?? [] }.sorted().map { items[$0] }
    }
}
