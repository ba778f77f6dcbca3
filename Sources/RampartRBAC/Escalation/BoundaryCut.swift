/// The smallest fix for escalations across tenant boundaries: bindings whose removal cuts every path
/// out of every tenant (to cluster-admin, to the nodes, into other tenants).
///
/// A minimum cut over every path is set cover, which is NP-hard: the bindings are chosen greedily
/// (the one on most remaining paths first), which is within a factor ln(paths) of the minimum. Paths
/// are the shortest ones; removing bindings can open longer ones, so the paths are worked out again
/// without the chosen bindings, round after round, until none is left or `rounds` is spent.
public struct BoundaryCut: Sendable, Codable {
    /// One binding to remove, with the paths it closes (counted in the round it was chosen).
    public struct Removal: Sendable, Codable {
        public var binding: BindingReference
        public var closes: Int
        /// `tenant a → tenant b`, `tenant a → cluster-admin`: the tenant pairs of the paths it closes, sorted.
        public var pairs: [String]
    }

    /// In the order chosen, most paths closed first within a round.
    public var removals: [Removal]
    /// Paths no binding removal cuts (membership of `system:masters`, or rounds spent).
    public var uncut: [EscalationPath]
    /// Always true: greedy set cover (see the type's documentation).
    public var approximate: Bool
    /// Rounds of path finding used.
    public var rounds: Int
}

extension EscalationAnalysis {
    /// The cut for the paths out of every tenant of `assignment`.
    public func boundaryCut(_ assignment: TenantAssignment, rounds limit: Int = 6) -> BoundaryCut {
        var removed: Set<BindingReference> = []
        var removals: [BoundaryCut.Removal] = []
        var rounds = 0
        var uncut: [EscalationPath] = []
        while rounds < limit {
            rounds += 1
            var analysis = excluding(removed)
            let paths = analysis.paths(outOf: assignment.tenants, in: assignment)
            let cuttable = paths.map { Set($0.steps.flatMap { $0.via.compactMap(\.binding) }) }
            uncut = zip(paths, cuttable).filter { $0.1.isEmpty }.map(\.0)
            var open = Set(cuttable.indices.filter { !cuttable[$0].isEmpty })
            if open.isEmpty { break }
            while !open.isEmpty {
                var count: [BindingReference: [Int]] = [:]
                for index in open {
                    for binding in cuttable[index] { count[binding, default: []].append(index) }
                }
                guard let best = count.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }) else { break }
                let pairs = Set(best.value.map { paths[$0].pair })
                removals.append(BoundaryCut.Removal(binding: best.key, closes: best.value.count, pairs: pairs.sorted()))
                removed.insert(best.key)
                open.subtract(best.value)
            }
        }
        if rounds == limit, !removed.isEmpty {
            var analysis = excluding(removed)
            uncut = analysis.paths(outOf: assignment.tenants, in: assignment)
        }
        return BoundaryCut(removals: removals, uncut: uncut, approximate: true, rounds: rounds)
    }
}
