/// One edge of the escalation graph: what a node may do (`action`, allowed by `origins`) and the
/// power that gives it (`target`). The action's sentence is written only when asked for: a graph has
/// many edges, and only the steps of reported paths are ever described.
struct EscalationEdge: Sendable {
    var technique: EscalationTechnique
    var target: EscalationNode
    var origins: [Capability.Origin]
    private let describeAction: @Sendable () -> String

    init(technique: EscalationTechnique, target: EscalationNode, action: @escaping @autoclosure @Sendable () -> String,
         origins: [Capability.Origin]) {
        self.technique = technique
        self.target = target
        self.origins = origins
        describeAction = action
    }

    /// `may create pods in namespace team-a (a pod runs as any service account of its namespace)`.
    var action: String { describeAction() }

    /// A hub's fan-out to one of its members.
    static func member(_ target: EscalationNode) -> EscalationEdge {
        EscalationEdge(technique: .member, target: target, action: "", origins: [])
    }
}
