extension NetworkAnalysis {
    /// The pods (indices into `pods`) that policy `index` (into `allPolicies`) selects.
    public func podsSelected(byPolicy index: Int) -> [Int] {
        let matcher = PeerGroupMatcher(groups: groups, namespaceLabels: namespaceLabels, blockIndex: [:])
        var selected = GroupSet(capacity: groups.count)
        for entry in allPolicies[index].subject { matcher.members(of: entry).forEach { selected.insert($0) } }
        return pods.indices.filter { selected.contains(groupOfPod[$0]) }
    }

    /// The pods that `rule` of policy `index` names as peers; nil when the rule names no peers
    /// (every pod). Rules of a direction the policy does not isolate take no effect: empty.
    public func podsMatched(byPolicy index: Int, rule: PolicyRule) -> [Int]? {
        guard let indexed = rules.first(where: {
            $0.policy == index && $0.rule.direction == rule.direction && $0.rule.index == rule.index
        }) else { return [] }
        guard let peerGroups = indexed.peerGroups else { return nil }
        return pods.indices.filter { peerGroups.contains(groupOfPod[$0]) }
    }

    /// True when some application-tier policy selects pod `index` in `direction`.
    public func isIsolated(pod index: Int, _ direction: TrafficDirection) -> Bool {
        isIsolated(groupOfPod[index], direction)
    }
}
