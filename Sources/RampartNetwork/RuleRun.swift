/// A stretch of a group's rules (in evaluation order) that the tier walk takes in one step.
struct RuleRun: Sendable {
    enum Kind: Sendable {
        /// Consecutive rules of one tier with one action: in any order they decide the same, so their
        /// union is taken at once.
        case action(RuleAction)
        /// Rules of several policies that share a precedence without a defined order between them.
        case tied
    }

    let tier: PolicyTier
    let kind: Kind
    /// The rules (indices into the analysis' `rules`), in evaluation order.
    let rules: ArraySlice<Int>

    /// Cuts `indices` (sorted in evaluation order) into runs.
    static func runs(_ indices: [Int], _ rules: [NetworkAnalysis.IndexedRule]) -> [RuleRun] {
        var runs: [RuleRun] = []
        var start = 0
        while start < indices.count {
            let first = rules[indices[start]]
            var end = start + 1
            while end < indices.count, rules[indices[end]].tier == first.tier, rules[indices[end]].precedence == first.precedence { end += 1 }
            let level = indices[start..<end]
            if first.tiesAreAmbiguous, level.contains(where: { rules[$0].policy != first.policy }) {
                runs.append(RuleRun(tier: first.tier, kind: .tied, rules: level))
            } else {
                var runStart = start
                while runStart < end {
                    let action = rules[indices[runStart]].rule.action
                    var runEnd = runStart + 1
                    while runEnd < end, rules[indices[runEnd]].rule.action == action { runEnd += 1 }
                    runs.append(RuleRun(tier: first.tier, kind: .action(action), rules: indices[runStart..<runEnd]))
                    runStart = runEnd
                }
            }
            start = end
        }
        return merged(runs, indices)
    }

    /// Joins neighbouring action runs of one tier and action (their precedences differ, which does
    /// not matter when every rule does the same).
    private static func merged(_ runs: [RuleRun], _ indices: [Int]) -> [RuleRun] {
        var result: [RuleRun] = []
        for run in runs {
            if let last = result.last, last.tier == run.tier, case .action(let a) = last.kind, case .action(let b) = run.kind, a == b,
               last.rules.endIndex == run.rules.startIndex {
                result[result.count - 1] = RuleRun(tier: run.tier, kind: run.kind, rules: indices[last.rules.startIndex..<run.rules.endIndex])
            } else {
                result.append(run)
            }
        }
        return result
    }
}
