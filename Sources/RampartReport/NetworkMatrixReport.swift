import RampartLoading
import RampartNetwork

/// A probe of the reachability matrix: a protocol and a port.
public struct NetworkProbe: Sendable, Hashable {
    public let proto: NetworkProtocol
    public let port: Int

    public init(proto: NetworkProtocol, port: Int) {
        self.proto = proto
        self.port = port
    }

    /// `TCP/80`.
    public var text: String { "\(proto.rawValue)/\(port)" }

    /// Every (protocol, port) a pod of `analysis` serves, sorted; TCP/80 when no pod declares a port.
    public static func defaults(_ analysis: NetworkAnalysis) -> [NetworkProbe] {
        let served = Set(analysis.pods.flatMap { $0.ports.map { NetworkProbe(proto: $0.proto, port: $0.port) } })
        return served.isEmpty ? [NetworkProbe(proto: .tcp, port: 80)] : served.sorted { ($0.proto, $0.port) < ($1.proto, $1.port) }
    }
}

/// The answer of `rampart netpol matrix`: the decision for every ordered pair of distinct pods, per
/// probe. JSON: `{"connections":[{"from":"NS/POD", "to":"NS/POD", "protocol":"TCP", "port":80,
/// "allowed":bool}], "errors":[…]}` (DESIGN.md); text: one grid per probe.
public struct NetworkMatrixReport: AnswerReport {
    /// One decision of the matrix.
    public struct Connection: Sendable, Encodable {
        public let from: String
        public let to: String
        public let `protocol`: String
        public let port: Int
        public let allowed: Bool
        /// True when Rampart cannot decide this connection (then `allowed` is false and `reason` says why).
        public let unknown: Bool?
        public let reason: String?
    }

    /// Per probe, per source pod, per destination pod (analysis order).
    public let connections: [Connection]
    /// The pods' IDs, the rows and columns of the grids.
    public let pods: [String]
    public let probes: [NetworkProbe]
    public let errors: [InputError]

    /// Decides every ordered pair of distinct pods of `analysis` that `including` keeps, for each of `probes`.
    public init(_ analysis: NetworkAnalysis, probes: [NetworkProbe], errors: [InputError],
                including: (NetworkPod) -> Bool = { _ in true }) {
        var connections: [Connection] = []
        var outcomes: [PodPair: (allowed: ConnectionSet, unknown: ConnectionSet)] = [:]
        let kept = analysis.pods.indices.filter { including(analysis.pods[$0]) }
        for probe in probes {
            for source in kept {
                for destination in kept where source != destination {
                    let pair = PodPair(source: source, destination: destination)
                    let outcome = outcomes[pair] ?? analysis.outcome(from: source, to: destination)
                    outcomes[pair] = outcome
                    let unknown = outcome.unknown.contains(probe.proto, probe.port)
                    let reason = unknown ? analysis.decide(from: .pod(source), to: .pod(destination), proto: probe.proto, port: probe.port)
                        .flatMap { decision -> String? in
                            if case .unknown(let why) = decision.verdict { return why }
                            return nil
                        } : nil
                    connections.append(Connection(
                        from: analysis.pods[source].id, to: analysis.pods[destination].id,
                        protocol: probe.proto.rawValue, port: probe.port,
                        allowed: outcome.allowed.contains(probe.proto, probe.port), unknown: unknown ? true : nil, reason: reason))
                }
            }
        }
        self.connections = connections
        pods = kept.map { analysis.pods[$0].id }
        self.probes = probes
        self.errors = errors
    }

    private enum CodingKeys: String, CodingKey { case connections, errors }

    /// The matrix describes; it never fails a run.
    public var failed: Bool { false }

    /// One grid per probe: a row per source, a column per destination (`.` allowed, `X` denied, `?` unknown).
    public var text: String {
        var allowed: Set<String> = []
        var unknown: Set<String> = []
        for connection in connections where connection.allowed || connection.unknown == true {
            let key = "\(connection.protocol)/\(connection.port)|\(connection.from)|\(connection.to)"
            if connection.allowed { allowed.insert(key) } else { unknown.insert(key) }
        }
        let width = (pods.map(\.count).max() ?? 0) + 1
        var lines: [String] = []
        for probe in probes {
            lines.append("\(probe.text)  (rows: from, columns: to; . allowed, X denied, ? unknown)")
            for (index, pod) in pods.enumerated() {
                lines.append(String(repeating: " ", count: width) + String(repeating: "| ", count: index) + pod)
            }
            for source in pods {
                let cells = pods.map { destination in
                    let key = "\(probe.text)|\(source)|\(destination)"
                    return source == destination ? "-" : allowed.contains(key) ? "." : unknown.contains(key) ? "?" : "X"
                }
                lines.append(source.padding(toLength: width, withPad: " ", startingAt: 0) + cells.joined(separator: " "))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

/// An ordered pair of pods (indices into the analysis' pods).
private struct PodPair: Hashable {
    let source: Int
    let destination: Int
}
