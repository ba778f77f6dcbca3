/// Paths out of one tenant that take the same steps from the same subject and differ only in the
/// tenant they end in: a cluster-wide grant that runs pods as any service account of any namespace,
/// or one namespace relabelled into every tenant whose membership is a label. Such a route is said
/// once, its steps ending at the power that fans out, naming the first five tenants and counting
/// the rest, so a cluster with thousands of tenants gets one finding per route instead of one per
/// pair of tenants.
public struct EscalationRoute: Sendable {
    public let from: Subject
    /// The tenant `from` belongs to.
    public let tenant: String?
    /// What the route reaches, sorted: one goal, or the tenants reached through the same power.
    public let goals: [EscalationPath.Goal]
    public let steps: [EscalationStep]

    init(from: Subject, tenant: String?, goals: [EscalationPath.Goal], steps: [EscalationStep]) {
        self.from = from
        self.tenant = tenant
        self.goals = goals
        self.steps = steps
    }

    /// The route's representative path: its subject and steps, to the first goal.
    public var path: EscalationPath { EscalationPath(from: from, tenant: tenant, goal: goals[0], steps: steps) }

    /// `tenant a → tenant b`, or `tenant a → 250 tenants` when the route ends in several.
    public var pair: String {
        goals.count == 1 ? path.pair : "tenant \(tenant ?? "?") → \(goals.count) tenants"
    }

    /// What the route reaches: the goal, or the tenants (five named, the rest counted) and how.
    public var goal: String {
        guard goals.count > 1 else { return goals[0].description }
        let names = goals.prefix(Self.named).compactMap(\.tenant).joined(separator: ", ")
        let rest = goals.count > Self.named ? " and \(goals.count - Self.named) more" : ""
        let how = goals[0].namespace == nil ? " (by relabelling a namespace)" : ""
        return "tenants \(names)\(rest)\(how)"
    }

    static let named = 5
}
