import RampartModel

/// An audit `Policy` (audit.k8s.io): which level a request is recorded at. Rules are tried in order
/// and the first rule that matches decides, as in the API server's policy checker.
public struct AuditPolicy: Sendable {
    /// Audit levels, from nothing to the full request and response bodies.
    public enum Level: String, Sendable {
        case none = "None", metadata = "Metadata", request = "Request", requestResponse = "RequestResponse"

        /// True for the levels that write request (and response) bodies into the log.
        public var recordsBodies: Bool { self == .request || self == .requestResponse }
    }

    /// A rule that applies to requests for one resource: its level, and whether it applies to every
    /// such request or only to some (restricted by user, group, verb, namespace or resource name).
    public struct Match: Sendable {
        public var index: Int
        public var level: Level
        public var isUnconditional: Bool
        public var path: FieldPath { FieldPath([.key("rules"), .index(index), .key("level")]) }
    }

    public let object: KubeObject

    public init?(_ object: KubeObject) {
        guard object.kind == "Policy", object.reference.group == "audit.k8s.io" else { return nil }
        self.object = object
    }

    /// The rules that can apply to requests for `resource` of `group`, in order, up to and including
    /// the first one that applies to all of them.
    public func matches(resource: String, group: String) -> [Match] {
        var result: [Match] = []
        for (index, rule) in (object.root["rules"]?.items ?? []).enumerated() {
            guard let level = rule["level"]?.string.flatMap(Level.init(rawValue:)) else { continue }
            let groupRules = rule["resources"]?.items ?? []
            let namespaces = rule["namespaces"]?.items ?? []
            if groupRules.isEmpty, namespaces.isEmpty, !(rule["nonResourceURLs"]?.items ?? []).isEmpty { continue }
            var restricted = !namespaces.isEmpty
            if !groupRules.isEmpty {
                guard let groupRule = groupRules.first(where: { ($0["group"]?.string ?? "") == group && Self.names($0, resource) })
                else { continue }
                restricted = restricted || !(groupRule["resourceNames"]?.items ?? []).isEmpty
            }
            for field in ["users", "userGroups", "verbs"] where !(rule[field]?.items ?? []).isEmpty { restricted = true }
            result.append(Match(index: index, level: level, isUnconditional: !restricted))
            if !restricted { break }
        }
        return result
    }

    /// True when a `resources` group rule covers `resource` (no list, `*`, the name, or `name/*`).
    private static func names(_ groupRule: Node, _ resource: String) -> Bool {
        let listed = (groupRule["resources"]?.items ?? []).compactMap(\.string)
        return listed.isEmpty || listed.contains { $0 == "*" || $0 == resource || $0 == "\(resource)/*" }
    }

    /// The level of requests for `resource` that no restricted rule catches (None when no rule does).
    public func defaultLevel(resource: String, group: String) -> (level: Level, match: Match?) {
        guard let last = matches(resource: resource, group: group).last, last.isUnconditional else { return (.none, nil) }
        return (last.level, last)
    }
}
