/// The namespaces of other tenants that one namespace of a tenant exchanges connections with, in one
/// direction: what one `tenancy.cross-tenant-traffic` finding and one evidence item say. A namespace
/// open to thousands of tenants gives one finding and one evidence item that name the first few peers
/// and count the rest, not one per pair (`rampart netpol namespaces` lists every pair).
public struct CrossTenantFlows: Sendable {
    /// A namespace of another tenant and the connections allowed between it and the tenant's namespace.
    public struct Peer: Sendable {
        public let tenant: String
        public let namespace: String
        public let connections: String
    }

    /// How many peers a message names before it counts the rest.
    public static let namedPeers = 5

    /// Every peer, sorted by namespace; never empty.
    public let peers: [Peer]

    /// `peers` sorted by namespace; nil when there is none.
    public init?(_ peers: [Peer]) {
        guard !peers.isEmpty else { return nil }
        self.peers = peers.sorted { $0.namespace < $1.namespace }
    }

    /// The only peer, when there is exactly one.
    public var single: Peer? { peers.count == 1 ? peers.first : nil }

    /// `3 namespaces of 2 other tenants`.
    public var counted: String {
        let tenants = Set(peers.map(\.tenant)).count
        return "\(peers.count) namespaces of \(tenants) other tenant\(tenants == 1 ? "" : "s")"
    }

    /// The first `namedPeers` peers as `namespace (tenant T): connections`, `; `-separated, then how
    /// many are left out.
    public var listing: String {
        let named = peers.prefix(Self.namedPeers).map { "\($0.namespace) (tenant \($0.tenant)): \($0.connections)" }
        let rest = peers.count - named.count
        return named.joined(separator: "; ") + (rest > 0 ? "; and \(rest) more namespace\(rest == 1 ? "" : "s")" : "")
    }
}
