extension NetworkAnalysis {
    /// The pods (indices into `pods`) that policy `index` (into `allPolicies`) selects.
    public func podsSelected(byPolicy index: Int) -> [Int] {
        groupsSelectedByPolicy[index].flatMap { groups[$0].pods }.sorted()
    }

    /// The pods of `namespace` (indices into `pods`), ascending.
    public func pods(inNamespace namespace: String) -> [Int] {
        podsByNamespace[namespace] ?? []
    }

    /// The pods that `rule` of policy `index` names as peers; nil when the rule names no peers
    /// (every pod). Rules of a direction the policy does not isolate take no effect: empty.
    public func podsMatched(byPolicy index: Int, rule: PolicyRule) -> [Int]? {
        guard let indexed = rules.first(where: {
            $0.policy == index && $0.rule.direction == rule.direction && $0.rule.index == rule.index
        }) else { return [] }
        guard let peerGroups = indexed.peerGroups else { return nil }
        var matched: [Int] = []
        peerGroups.forEach { matched += groups[$0].pods }
        return matched.sorted()
    }

    /// True when some application-tier policy selects pod `index` in `direction`.
    public func isIsolated(pod index: Int, _ direction: TrafficDirection) -> Bool {
        isIsolated(groupOfPod[index], direction)
    }
}
