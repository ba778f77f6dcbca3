import RampartNetwork

/// The namespaces of other tenants that one namespace of a tenant exchanges connections with, in one
/// direction: what one `tenancy.cross-tenant-traffic` finding and one evidence item say. A namespace
/// open to thousands of tenants gives one finding and one evidence item that name the first few peers
/// and count the rest, not one per pair (`rampart netpol namespaces` lists every pair); only what
/// they say is kept, so such a namespace costs its named peers, not its thousands.
public struct CrossTenantFlows: Sendable {
    /// A namespace of another tenant and the connections allowed between it and the tenant's namespace.
    public struct Peer: Sendable {
        public let tenant: String
        public let namespace: String
        public let connections: String
    }

    /// Gathers the peers one by one (namespaces by their position in the reachability's sorted
    /// names, tenants by their index), keeping what the summary needs.
    struct Gathering {
        private var count = 0
        private var tenants: Set<Int> = []
        /// The first `namedPeers` peers by namespace so far, sorted.
        private var first: [(tenant: Int, namespace: Int, connections: ConnectionSet)] = []

        mutating func add(tenant: Int, namespace: Int, connections: ConnectionSet) {
            count += 1
            tenants.insert(tenant)
            guard first.count < namedPeers || namespace < first[first.count - 1].namespace else { return }
            let position = first.firstIndex { namespace < $0.namespace } ?? first.count
            first.insert((tenant, namespace, connections), at: position)
            if first.count > namedPeers { first.removeLast() }
        }

        /// The summary, with the namespaces' names and the tenants' names; nil when no peer was added.
        func flows(names: [String], tenants tenantNames: [String]) -> CrossTenantFlows? {
            guard count > 0 else { return nil }
            return CrossTenantFlows(named: first.map { Peer(tenant: tenantNames[$0.tenant], namespace: names[$0.namespace],
                                                            connections: $0.connections.text) },
                                    count: count, tenants: tenants.count)
        }
    }

    /// How many peers a message names before it counts the rest.
    public static let namedPeers = 5

    /// The first `namedPeers` peers by namespace; never empty.
    public let named: [Peer]
    /// How many peers there are, and how many tenants they belong to.
    public let count: Int
    public let tenants: Int

    /// The only peer, when there is exactly one.
    public var single: Peer? { count == 1 ? named.first : nil }

    /// `3 namespaces of 2 other tenants`.
    public var counted: String {
        "\(count) namespaces of \(tenants) other tenant\(tenants == 1 ? "" : "s")"
    }

    /// The first `namedPeers` peers as `namespace (tenant T): connections`, `; `-separated, then how
    /// many are left out.
    public var listing: String {
        let listed = named.map { "\($0.namespace) (tenant \($0.tenant)): \($0.connections)" }
        let rest = count - listed.count
        return listed.joined(separator: "; ") + (rest > 0 ? "; and \(rest) more namespace\(rest == 1 ? "" : "s")" : "")
    }
}
