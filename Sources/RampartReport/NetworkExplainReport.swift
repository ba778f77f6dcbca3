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
        /// The rule that decided this side and its tier; absent when a default did.
        public let decidedBy: String?
        public let tier: String?
        public let allowed: Bool
        /// `allowed`, `denied` or `unknown`.
        public let verdict: String
        public let reason: String
        /// What the deciding policy's compilation noted (parts not modelled); absent when nothing.
        public let notes: [String]?

        public init(_ side: SideDecision) {
            direction = side.direction.rawValue
            isolated = !side.selectedBy.isEmpty
            selectedBy = side.selectedBy
            matchingRules = side.matchingRules.map(\.text)
            allowedBy = side.allowedBy.map(\.text)
            decidedBy = side.decidedBy?.text
            tier = side.tier?.name
            allowed = side.allowed
            verdict = side.verdict.word
            notes = side.notes.isEmpty ? nil : side.notes
            reason = side.reason
        }
    }

    /// The ends as given.
    public let from: String
    public let to: String
    public let `protocol`: String
    public let port: Int
    public let allowed: Bool
    /// `allowed`, `denied` or `unknown` (the reason is in the side that cannot be decided).
    public let verdict: String
    public let egress: Side?
    public let ingress: Side?
    public let errors: [InputError]

    public init(from: String, to: String, decision: RampartNetwork.Decision, errors: [InputError]) {
        self.from = from
        self.to = to
        `protocol` = decision.proto.rawValue
        port = decision.port
        allowed = decision.allowed
        verdict = decision.verdict.word
        egress = decision.egress.map(Side.init)
        ingress = decision.ingress.map(Side.init)
        self.errors = errors
    }

    /// An explanation describes; it never fails a run.
    public var failed: Bool { false }

    /// The decision, then one line per side.
    public var text: String {
        var lines = ["\(from) -> \(to) \(port)/\(`protocol`): \(verdict.uppercased())"]
        lines.append("  egress of \(from): " + (egress.map(Self.line) ?? "outside the cluster, no policy applies"))
        lines.append("  ingress of \(to): " + (ingress.map(Self.line) ?? "outside the cluster, no policy applies"))
        return lines.joined(separator: "\n")
    }

    private static func line(_ side: Side) -> String {
        let word = ["allowed": "allows", "denied": "denies"][side.verdict] ?? "cannot be decided"
        return "\(word) — \(side.reason)" + (side.notes ?? []).map { "\n      note: \($0)" }.joined()
    }
}
