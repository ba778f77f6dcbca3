import RampartModel

/// An audit `Policy` (audit.k8s.io): which level a request is recorded at. Rules are tried in order
/// and the first rule that matches decides, as in the API server's policy checker.
public struct AuditPolicy: Sendable {
    /// Audit levels, from nothing to the full request and response bodies.
    public enum Level: String, Sendable, Comparable, CaseIterable {
        case none = "None", metadata = "Metadata", request = "Request", requestResponse = "RequestResponse"

        /// Ordered by how much they record.
        public static func < (lhs: Level, rhs: Level) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0
        }

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

    /// The rules that can apply to requests for `resource` of `group` (any verb, no subresource), in
    /// order, up to and including the first one that applies to all of them.
    public func matches(resource: String, group: String) -> [Match] {
        matches(AuditRequest(group: group, resource: resource))
    }

    /// The rules that can apply to `request`, in order, up to and including the first one that applies
    /// to every such request. Matching follows the API server's policy checker: `users`, `userGroups`,
    /// `verbs`, `namespaces` and `resources` (group, combined `resource/subresource` name, `*`,
    /// `*/subresource`, `resource/*`, `resourceNames`) must all match; a rule with only
    /// `nonResourceURLs` never matches a resource request. A rule restricted by something the request
    /// leaves open (users, groups, a namespace of a namespaced resource, resource names, a verb when the
    /// request names none) applies to some requests only.
    public func matches(_ request: AuditRequest) -> [Match] {
        var result: [Match] = []
        for (index, rule) in (object.root["rules"]?.items ?? []).enumerated() {
            guard let level = rule["level"]?.string.flatMap(Level.init(rawValue:)),
                  let restricted = Self.restriction(rule, request) else { continue }
            result.append(Match(index: index, level: level, isUnconditional: !restricted))
            if !restricted { break }
        }
        return result
    }

    /// Nil when `rule` cannot match `request`; else whether it matches only some such requests.
    private static func restriction(_ rule: Node, _ request: AuditRequest) -> Bool? {
        let list = { (field: String) in (rule[field]?.items ?? []).compactMap(\.string) }
        var restricted = !list("users").isEmpty || !list("userGroups").isEmpty
        let verbs = list("verbs")
        if !verbs.isEmpty {
            if let verb = request.verb {
                guard verbs.contains(verb) else { return nil }
            } else {
                restricted = true
            }
        }
        let namespaces = list("namespaces")
        let groupRules = rule["resources"]?.items ?? []
        if namespaces.isEmpty, groupRules.isEmpty { return (rule["nonResourceURLs"]?.items ?? []).isEmpty ? restricted : nil }
        if !namespaces.isEmpty {
            if request.isClusterScoped {
                guard namespaces.contains("") else { return nil }
            } else {
                restricted = true
            }
        }
        guard !groupRules.isEmpty else { return restricted }
        let naming = groupRules.filter { groupRule in
            guard (groupRule["group"]?.string ?? "") == request.group else { return false }
            let names = (groupRule["resources"]?.items ?? []).compactMap(\.string)
            return names.isEmpty || names.contains(where: request.isNamed(by:))
        }
        guard !naming.isEmpty else { return nil }
        let byName = naming.allSatisfy { !($0["resourceNames"]?.items ?? []).isEmpty && !($0["resources"]?.items ?? []).isEmpty }
        return restricted || byName
    }

    /// The level of requests for `resource` that no restricted rule catches (None when no rule does).
    public func defaultLevel(resource: String, group: String) -> (level: Level, match: Match?) {
        guard let last = matches(resource: resource, group: group).last, last.isUnconditional else { return (.none, nil) }
        return (last.level, last)
    }
}
