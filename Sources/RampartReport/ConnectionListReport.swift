import RampartLoading
import RampartNetwork

/// A port range of one protocol, as the `netpol` JSON spells it: `{"protocol":"TCP","from":80,"to":80}`.
public struct ConnectionPorts: Sendable, Encodable {
    public let `protocol`: String
    public let from: Int
    public let to: Int

    /// Every range of `connections`, in protocol order.
    public static func list(_ connections: ConnectionSet) -> [ConnectionPorts] {
        connections.byProtocol.flatMap { entry in
            entry.ranges.map { ConnectionPorts(protocol: entry.proto.rawValue, from: $0.from, to: $0.to) }
        }
    }
}

/// The answer of `rampart netpol connlist`: the allowed connections between workloads and external
/// address ranges, sorted. JSON: `{"connections":[{"from":PEER, "to":PEER, "all":bool,
/// "ports":[…]}], "errors":[…]}` (DESIGN.md), plus `"unknown":[…]` in the same form when some
/// connections cannot be decided; text: np-guard's `src => dst : connections` lines, then the
/// undecided ones marked `(unknown)`.
public struct ConnectionListReport: AnswerReport {
    /// One end of a connection: `{"kind":…, "namespace":…, "name":…}` or `{"ipRange":"FIRST-LAST"}`.
    public struct Peer: Sendable, Encodable {
        public var kind: String?
        public var namespace: String?
        public var name: String?
        public var ipRange: String?

        public init(_ peer: ConnectionPeer) {
            switch peer {
            case .workload(let workload):
                kind = workload.kind
                namespace = workload.namespace
                name = workload.name
            case .addresses(let range):
                ipRange = range.description
            }
        }
    }

    /// One allowed connection: every port (`all`) or the listed ranges.
    public struct Connection: Sendable, Encodable {
        public let from: Peer
        public let to: Peer
        public let all: Bool
        public let ports: [ConnectionPorts]

        public init(_ connection: ListedConnection) {
            from = Peer(connection.from)
            to = Peer(connection.to)
            all = connection.connections.isAll
            ports = ConnectionPorts.list(connection.connections)
        }
    }

    /// The connections as the engine lists them.
    public let listed: [ListedConnection]
    /// The connections Rampart cannot decide (`netpol explain` says why).
    public let undecided: [ListedConnection]
    public let errors: [InputError]

    public init(_ listed: [ListedConnection], undecided: [ListedConnection] = [], errors: [InputError]) {
        self.listed = listed
        self.undecided = undecided
        self.errors = errors
    }

    /// The connections as the JSON writes them.
    public var connections: [Connection] { listed.map(Connection.init) }

    private enum CodingKeys: String, CodingKey { case connections, unknown, errors }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(connections, forKey: .connections)
        if !undecided.isEmpty { try container.encode(undecided.map(Connection.init), forKey: .unknown) }
        try container.encode(errors, forKey: .errors)
    }

    /// The list describes; it never fails a run.
    public var failed: Bool { false }
    public var text: String { (listed.map(\.text) + undecided.map { $0.text + " (unknown)" }).joined(separator: "\n") }
}
