/// The requests two resource rules both allow, as one rule: what an identity may do that a
/// constrained impersonator may also do while impersonating it.
extension PolicyRule {
    /// The rule allowing exactly the resource requests both `self` and `other` allow, or nil when
    /// none. `*` stands for the other list; `*/subresource` meets `resource/subresource`; names
    /// are intersected the same way (no names: any name). Non-resource URLs are left out.
    func intersection(_ other: PolicyRule) -> PolicyRule? {
        let verbs = Self.meet(verbs, other.verbs)
        let groups = Self.meet(apiGroups, other.apiGroups)
        let resources = Self.meetResources(resources, other.resources)
        guard !verbs.isEmpty, !groups.isEmpty, !resources.isEmpty else { return nil }
        let names: [String]
        switch (resourceNames.isEmpty, other.resourceNames.isEmpty) {
        case (true, _): names = other.resourceNames
        case (_, true): names = resourceNames
        default:
            names = resourceNames.filter(other.resourceNames.contains)
            if names.isEmpty { return nil }
        }
        return PolicyRule(verbs: verbs, apiGroups: groups, resources: resources, resourceNames: names)
    }

    /// The values both lists match, `*` matching every value of the other.
    private static func meet(_ left: [String], _ right: [String]) -> [String] {
        if left.contains(all) { return right }
        if right.contains(all) { return left }
        return left.filter(right.contains)
    }

    /// The resources both lists match: `*` matches every resource, `*/sub` every `resource/sub`.
    private static func meetResources(_ left: [String], _ right: [String]) -> [String] {
        var met: [String] = []
        for one in left {
            for other in right {
                guard let both = meetResource(one, other), !met.contains(both) else { continue }
                met.append(both)
            }
        }
        return met
    }

    private static func meetResource(_ one: String, _ other: String) -> String? {
        if one == other || other == all { return one }
        if one == all { return other }
        if one.hasPrefix("*/"), other.hasSuffix(one.dropFirst()) { return other }
        if other.hasPrefix("*/"), one.hasSuffix(other.dropFirst()) { return one }
        return nil
    }
}
