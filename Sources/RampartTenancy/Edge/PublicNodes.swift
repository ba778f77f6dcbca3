import RampartModel

/// The Nodes with a public address (`status.addresses` of type `ExternalIP`): a host port, the host
/// network or a node port of a pod on such a node is reachable from outside the cluster.
public struct PublicNodes: Sendable {
    /// Each public node's external addresses, by node name.
    public let addresses: [String: [String]]

    public init(_ inventory: Inventory) {
        var addresses: [String: [String]] = [:]
        for node in inventory.objects(ofKind: ResourceKind.nodes.kind, group: "") {
            let external = (node.root["status"]?["addresses"]?.items ?? [])
                .filter { $0["type"]?.string == "ExternalIP" }.compactMap { $0["address"]?.string }
            if !external.isEmpty { addresses[node.name] = external }
        }
        self.addresses = addresses
    }

    public var names: Set<String> { Set(addresses.keys) }
}
