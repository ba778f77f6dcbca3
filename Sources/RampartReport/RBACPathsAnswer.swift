import RampartRBAC

/// The answer of `rampart rbac paths`: escalation paths to cluster-admin or into other tenants,
/// sorted by start and goal (by tenant first, for paths out of tenants), and the bindings whose
/// removal cuts them all when asked. JSON: `{"paths":[…], "cut":{…}}`. A path found fails the run.
public struct RBACPathsAnswer: RBACAnswer {
    public let paths: [EscalationPath]
    public let cut: BoundaryCut?

    public init(_ paths: [EscalationPath], cut: BoundaryCut? = nil) {
        self.paths = paths.sorted { ($0.tenant ?? "", $0.from, $0.goal) < ($1.tenant ?? "", $1.from, $1.goal) }
        self.cut = cut
    }

    private enum CodingKeys: String, CodingKey { case paths, cut }

    /// The grants behind every step.
    public var grants: [Grant] { paths.flatMap { $0.steps.flatMap(\.via) } }
    public var unresolved: [UnresolvedBinding] { [] }
    public var failed: Bool { !paths.isEmpty }

    /// Each path as a heading and numbered steps, each with the grants behind it; blank lines between
    /// paths; then the cut.
    public var text: String {
        (paths.map(Self.text) + (cut.map { [Self.text($0)] } ?? [])).joined(separator: "\n\n")
    }

    private static func text(_ path: EscalationPath) -> String {
        let count = path.steps.count == 1 ? "1 step" : "\(path.steps.count) steps"
        var lines = [(path.tenant.map { "[tenant \($0)] " } ?? "") + "\(path.from.description) → \(path.goal.description) in \(count)"]
        for (number, step) in path.steps.enumerated() {
            lines.append("  \(number + 1). [\(step.technique.rawValue)] \(step.explanation)")
            lines += step.because.map { "       because \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// The removals in the order chosen, and the paths no removal cuts.
    private static func text(_ cut: BoundaryCut) -> String {
        guard !cut.removals.isEmpty || !cut.uncut.isEmpty else { return "Smallest fix: nothing to cut." }
        let rounds = cut.rounds == 1 ? "1 round" : "\(cut.rounds) rounds"
        var lines = ["Smallest fix: remove \(cut.removals.count) binding\(cut.removals.count == 1 ? "" : "s") to cut every path out of every tenant (greedy set cover over \(rounds) of path finding: approximate, within a factor ln(paths) of the minimum)"]
        for (number, removal) in cut.removals.enumerated() {
            let shown = removal.pairs.prefix(5).joined(separator: ", ") + (removal.pairs.count > 5 ? " and \(removal.pairs.count - 5) more" : "")
            lines.append("  \(number + 1). remove \(removal.binding): closes \(removal.closes) path\(removal.closes == 1 ? "" : "s") (\(shown))")
        }
        for path in cut.uncut {
            lines.append("  not cut by removing a binding: \(path.pair) from \(path.from.description): \(path.summary)")
        }
        return lines.joined(separator: "\n")
    }
}
