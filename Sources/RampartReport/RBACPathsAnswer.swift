import RampartRBAC

/// The answer of `rampart rbac paths`: escalation paths to cluster-admin or into other tenants,
/// sorted by start and goal. JSON: `{"paths":[…]}`. A path found fails the run.
public struct RBACPathsAnswer: RBACAnswer {
    public let paths: [EscalationPath]

    public init(_ paths: [EscalationPath]) {
        self.paths = paths.sorted { ($0.from, $0.goal) < ($1.from, $1.goal) }
    }

    private enum CodingKeys: String, CodingKey { case paths }

    /// The grants behind every step.
    public var grants: [Grant] { paths.flatMap { $0.steps.flatMap(\.via) } }
    public var unresolved: [UnresolvedBinding] { [] }
    public var failed: Bool { !paths.isEmpty }

    /// Each path as a heading and numbered steps, each with the grants behind it; blank lines between paths.
    public var text: String { paths.map(Self.text).joined(separator: "\n\n") }

    private static func text(_ path: EscalationPath) -> String {
        let count = path.steps.count == 1 ? "1 step" : "\(path.steps.count) steps"
        var lines = ["\(path.from.description) → \(path.goal.description) in \(count)"]
        for (number, step) in path.steps.enumerated() {
            lines.append("  \(number + 1). [\(step.technique.rawValue)] \(step.explanation)")
            lines += step.because.map { "       because \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
