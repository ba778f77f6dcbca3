import RampartLoading
import RampartNetwork

/// The answer of `rampart netpol explain`: whether one connection is allowed, and which policies
/// and rules decide each side (a side is absent when that end is outside the cluster).
public struct NetworkExplainReport: AnswerReport {
    /// One side's verdict: the source's egress or the destination's ingress.
    public struct Side: Sendable, Encodable {
        public let direction: String
        /// True when some policy selects the pod for this direction.
        public let isolated: Bool
        public let selectedBy: [String]
        public let matchingRules: [String]
        public let allowedBy: [String]
        public let allowed: Bool
        public let reason: String

        public init(_ side: SideDecision) {
            direction = side.direction.rawValue
            isolated = !side.selectedBy.isEmpty
            selectedBy = side.selectedBy
            matchingRules = side.matchingRules.map(\.text)
            allowedBy = side.allowedBy.map(\.text)
            allowed = side.allowed
            reason = side.reason
        }
    }

    /// The ends as given.
    public let from: String
    public let to: String
    public let `protocol`: String
    public let port: Int
    public let allowed: Bool
    public let egress: Side?
    public let ingress: Side?
    public let errors: [InputError]

    public init(from: String, to: String, decision: RampartNetwork.Decision, errors: [InputError]) {
        self.from = from
        self.to = to
        `protocol` = decision.proto.rawValue
        port = decision.port
        allowed = decision.allowed
        egress = decision.egress.map(Side.init)
        ingress = decision.ingress.map(Side.init)
        self.errors = errors
    }

    /// An explanation describes; it never fails a run.
    public var failed: Bool { false }

    /// The decision, then one line per side.
    public var text: String {
        var lines = ["\(from) -> \(to) \(port)/\(`protocol`): \(allowed ? "ALLOWED" : "DENIED")"]
        lines.append("  egress of \(from): " + (egress.map { "\($0.allowed ? "allows" : "denies") — \($0.reason)" } ?? "outside the cluster, no policy applies"))
        lines.append("  ingress of \(to): " + (ingress.map { "\($0.allowed ? "allows" : "denies") — \($0.reason)" } ?? "outside the cluster, no policy applies"))
        return lines.joined(separator: "\n")
    }
}
