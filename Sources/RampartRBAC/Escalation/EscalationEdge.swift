/// One edge of the escalation graph: what a node may do (`action`, allowed by `origins`) and the
/// power that gives it (`target`).
struct EscalationEdge: Sendable {
    var technique: EscalationTechnique
    var target: EscalationNode
    /// `may create pods in namespace team-a, and a pod runs as any service account of its namespace`.
    var action: String
    var origins: [Capability.Origin]

    /// A hub's fan-out to one of its members.
    static func member(_ target: EscalationNode) -> EscalationEdge {
        EscalationEdge(technique: .member, target: target, action: "", origins: [])
    }
}
