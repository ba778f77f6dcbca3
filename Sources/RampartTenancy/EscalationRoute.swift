import RampartRBAC

/// Paths out of one tenant that take the same steps from the same subject and differ only in the
/// tenant they end in: one namespace relabelled into every tenant whose membership is a label, say.
/// They are said once, naming the first five tenants and counting the rest, so a cluster with
/// thousands of such tenants gets one finding per route instead of one per pair of tenants.
public struct EscalationRoute: Sendable {
    /// The paths of the route, in the order given; the first stands for all.
    public let paths: [EscalationPath]

    /// The route's representative path (its subject, steps and first binding are every path's).
    public var path: EscalationPath { paths[0] }

    /// `tenant a → tenant b`, or `tenant a → 250 tenants` when the route ends in several.
    public var pair: String {
        paths.count == 1 ? path.pair : "tenant \(path.tenant ?? "?") → \(paths.count) tenants"
    }

    /// What the route reaches: the goal, or the tenants (five named, the rest counted) and how.
    public var goal: String {
        guard paths.count > 1 else { return path.goal.description }
        let names = paths.prefix(Self.named).compactMap(\.goal.tenant).joined(separator: ", ")
        let rest = paths.count > Self.named ? " and \(paths.count - Self.named) more" : ""
        let how = path.goal.namespace == nil ? " (by relabelling a namespace)" : ""
        return "tenants \(names)\(rest)\(how)"
    }

    static let named = 5

    /// `paths` with those that differ only in the tenant they reach folded into one route, in the
    /// order of each route's first path.
    public static func routes(_ paths: [EscalationPath]) -> [EscalationRoute] {
        struct Key: Hashable {
            let tenant: String?
            let from: Subject
            let byRelabelling: Bool
            let steps: [String]
        }
        var members: [[EscalationPath]] = []
        var slotOfKey: [Key: Int] = [:]
        for path in paths {
            guard path.goal.kind == .tenant else {
                members.append([path])
                continue
            }
            let key = Key(tenant: path.tenant, from: path.from, byRelabelling: path.goal.namespace == nil,
                          steps: path.steps.map(\.explanation))
            if let slot = slotOfKey[key] {
                members[slot].append(path)
            } else {
                slotOfKey[key] = members.count
                members.append([path])
            }
        }
        return members.map(EscalationRoute.init(paths:))
    }
}
