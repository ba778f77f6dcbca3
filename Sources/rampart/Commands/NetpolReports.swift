import ArgumentParser
import RampartNetwork

/// A probe: a protocol and a port (`TCP/80`, `80/TCP`, or `80` for TCP).
struct Probe: ExpressibleByArgument, Hashable {
    let proto: NetworkProtocol
    let port: Int

    init(proto: NetworkProtocol, port: Int) {
        self.proto = proto
        self.port = port
    }

    init?(argument: String) {
        let parts = argument.split(separator: "/").map(String.init)
        let protoText = parts.first { Int($0) == nil } ?? "TCP"
        guard (1...2).contains(parts.count), let portText = parts.first(where: { Int($0) != nil }),
              let port = Int(portText), (1...65535).contains(port),
              let proto = NetworkProtocol(name: protoText) else { return nil }
        self.init(proto: proto, port: port)
    }

    /// Every (protocol, port) a pod serves, sorted; TCP/80 when no pod declares a port.
    static func defaults(_ analysis: NetworkAnalysis) -> [Probe] {
        let served = Set(analysis.pods.flatMap { $0.ports.map { Probe(proto: $0.proto, port: $0.port) } })
        return served.isEmpty ? [Probe(proto: .tcp, port: 80)] : served.sorted { ($0.proto, $0.port) < ($1.proto, $1.port) }
    }
}

/// One decision of the matrix, as the JSON contract spells it.
struct MatrixRow: Encodable {
    let from: String
    let to: String
    let `protocol`: String
    let port: Int
    let allowed: Bool

    /// One grid per probe: a row per source, a column per destination (`.` allowed, `X` denied).
    static func grid(_ rows: [MatrixRow], pods: [String], probes: [Probe]) -> String {
        var allowed: Set<String> = []
        for row in rows where row.allowed { allowed.insert("\(row.protocol)/\(row.port)|\(row.from)|\(row.to)") }
        let width = (pods.map(\.count).max() ?? 0) + 1
        var lines: [String] = []
        for probe in probes {
            lines.append("\(probe.proto.rawValue)/\(probe.port)  (rows: from, columns: to; . allowed, X denied)")
            for (index, pod) in pods.enumerated() { lines.append(String(repeating: " ", count: width) + String(repeating: "| ", count: index) + pod) }
            for source in pods {
                let cells = pods.map { destination in
                    source == destination ? "-" : allowed.contains("\(probe.proto.rawValue)/\(probe.port)|\(source)|\(destination)") ? "." : "X"
                }
                lines.append(source.padding(toLength: width, withPad: " ", startingAt: 0) + cells.joined(separator: " "))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

/// One connection of `connlist`, as the JSON contract spells it.
struct ConnectionEntry: Encodable {
    /// A workload or an external address range.
    struct Peer: Encodable {
        var kind: String?
        var namespace: String?
        var name: String?
        var ipRange: String?

        init(_ peer: ConnectionPeer) {
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

    /// A port range of one protocol.
    struct Ports: Encodable {
        let `protocol`: String
        let from: Int
        let to: Int
    }

    let from: Peer
    let to: Peer
    let all: Bool
    let ports: [Ports]

    init(_ connection: ListedConnection) {
        from = Peer(connection.from)
        to = Peer(connection.to)
        all = connection.connections.isAll
        ports = Ports.list(connection.connections)
    }
}

extension ConnectionEntry.Ports {
    /// Every range of a connection set, in protocol order.
    static func list(_ connections: ConnectionSet) -> [Self] {
        connections.byProtocol.flatMap { entry in
            entry.ranges.map { Self(protocol: entry.proto.rawValue, from: $0.from, to: $0.to) }
        }
    }
}

/// One namespace pair of `netpol namespaces`.
struct NamespaceFlowEntry: Encodable {
    let from: String
    let to: String
    let all: Bool
    let ports: [ConnectionEntry.Ports]

    init(_ flow: NamespaceFlow) {
        from = flow.from
        to = flow.to
        all = flow.connections.isAll
        ports = ConnectionEntry.Ports.list(flow.connections)
    }
}

/// The answer of `netpol explain`.
struct ExplainReport: Encodable {
    /// One side's verdict.
    struct Side: Encodable {
        let direction: String
        let isolated: Bool
        let selectedBy: [String]
        let matchingRules: [String]
        let allowedBy: [String]
        let allowed: Bool
        let reason: String

        init(_ side: SideDecision) {
            direction = side.direction.rawValue
            isolated = !side.selectedBy.isEmpty
            selectedBy = side.selectedBy
            matchingRules = side.matchingRules.map(\.text)
            allowedBy = side.allowedBy.map(\.text)
            allowed = side.allowed
            reason = side.reason
        }
    }

    let from: String
    let to: String
    let `protocol`: String
    let port: Int
    let allowed: Bool
    let egress: Side?
    let ingress: Side?

    init(from: String, to: String, decision: Decision) {
        self.from = from
        self.to = to
        `protocol` = decision.proto.rawValue
        port = decision.port
        allowed = decision.allowed
        egress = decision.egress.map(Side.init)
        ingress = decision.ingress.map(Side.init)
    }

    var text: String {
        var lines = ["\(from) -> \(to) \(port)/\(`protocol`): \(allowed ? "ALLOWED" : "DENIED")"]
        lines.append("  egress of \(from): " + (egress.map { "\($0.allowed ? "allows" : "denies") — \($0.reason)" } ?? "outside the cluster, no policy applies"))
        lines.append("  ingress of \(to): " + (ingress.map { "\($0.allowed ? "allows" : "denies") — \($0.reason)" } ?? "outside the cluster, no policy applies"))
        return lines.joined(separator: "\n")
    }
}
