import RampartLoading
import RampartNetwork

/// The answer of `rampart netpol namespaces`: which namespaces may reach which (some pod of one may
/// connect to some pod of the other). JSON: `{"flows":[{"from":NS, "to":NS, "all":bool,
/// "ports":[…]}], "errors":[…]}`; text: `from => to : connections` lines.
public struct NamespaceFlowReport: AnswerReport {
    /// One namespace pair.
    public struct Flow: Sendable, Encodable {
        public let from: String
        public let to: String
        public let all: Bool
        public let ports: [ConnectionPorts]

        public init(_ flow: NamespaceFlow) {
            from = flow.from
            to = flow.to
            all = flow.connections.isAll
            ports = ConnectionPorts.list(flow.connections)
        }
    }

    /// The flows as the engine computes them.
    public let namespaceFlows: [NamespaceFlow]
    public let errors: [InputError]

    public init(_ flows: [NamespaceFlow], errors: [InputError]) {
        namespaceFlows = flows
        self.errors = errors
    }

    /// The flows as the JSON writes them.
    public var flows: [Flow] { namespaceFlows.map(Flow.init) }

    private enum CodingKeys: String, CodingKey { case flows, errors }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(flows, forKey: .flows)
        try container.encode(errors, forKey: .errors)
    }

    /// The summary describes; it never fails a run.
    public var failed: Bool { false }
    public var text: String {
        namespaceFlows.map { "\($0.from) => \($0.to) : \($0.connections.text)" }.joined(separator: "\n")
    }
}
