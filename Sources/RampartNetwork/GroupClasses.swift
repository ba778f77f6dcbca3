/// Pod groups that every policy treats alike, as sources and as destinations: the same rules apply
/// to them in each direction, they are isolated alike, the same rules' peers match them, and where a
/// named port resolves at them they serve the same ports. The connections between two groups depend
/// only on their classes, so reachability is worked out once per pair of classes: the open groups of
/// a thousand namespaces without policies are one class, not a thousand.
struct GroupClasses: Sendable {
    /// The class of each group.
    let classOfGroup: [Int]
    /// The groups of each class, in increasing order (the first stands for the class).
    let members: [[Int]]

    private struct Key: Hashable {
        let ingress: [Int]
        let egress: [Int]
        let isolated: [Bool]
        /// The rules whose peers match the group.
        let matchedBy: [Int]
        /// The served ports, when a named port resolves at the group; else nil.
        let ports: [ServedPort]?
    }

    init(groups: [NetworkAnalysis.PodGroup], rules: [NetworkAnalysis.IndexedRule]) {
        var matchedBy = Array(repeating: [Int](), count: groups.count)
        var resolvesNamedPorts = Array(repeating: false, count: groups.count)
        var namedEgressToEveryone = false
        for (index, rule) in rules.enumerated() {
            let namedEgress = rule.fixedConnections == nil && rule.rule.direction == .egress
            guard let peers = rule.peerGroups else {
                namedEgressToEveryone = namedEgressToEveryone || namedEgress
                continue
            }
            peers.forEach { group in
                matchedBy[group].append(index)
                if namedEgress { resolvesNamedPorts[group] = true }
            }
        }
        var classOfKey: [Key: Int] = [:]
        var classOfGroup: [Int] = []
        var members: [[Int]] = []
        classOfGroup.reserveCapacity(groups.count)
        for (index, group) in groups.enumerated() {
            let ingress = group.rules[.ingress] ?? []
            let namedIngress = ingress.contains { rules[$0].fixedConnections == nil }
            let key = Key(ingress: ingress, egress: group.rules[.egress] ?? [],
                          isolated: TrafficDirection.allCases.map { group.policies[$0] != nil }, matchedBy: matchedBy[index],
                          ports: namedEgressToEveryone || namedIngress || resolvesNamedPorts[index] ? group.ports : nil)
            if let known = classOfKey[key] {
                classOfGroup.append(known)
                members[known].append(index)
            } else {
                classOfKey[key] = members.count
                classOfGroup.append(members.count)
                members.append([index])
            }
        }
        self.classOfGroup = classOfGroup
        self.members = members
    }

    var count: Int { members.count }

    /// The group that stands for class `index`.
    func representative(_ index: Int) -> Int { members[index][0] }

    /// The classes of the groups in `groups`.
    func classes(of groups: GroupSet) -> GroupSet {
        var set = GroupSet(capacity: count)
        groups.forEach { set.insert(classOfGroup[$0]) }
        return set
    }
}
