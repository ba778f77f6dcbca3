import RampartModel

/// One rule of a Role or ClusterRole (`rbac.authorization.k8s.io/v1` `PolicyRule`).
///
/// Fields are kept exactly as written: matching is case-sensitive and `*` is the only wildcard,
/// as in the API server's RBAC authorizer.
public struct PolicyRule: Sendable, Hashable, Codable {
    public var verbs: [String]
    public var apiGroups: [String]
    public var resources: [String]
    public var resourceNames: [String]
    public var nonResourceURLs: [String]

    public init(verbs: [String] = [], apiGroups: [String] = [], resources: [String] = [],
                resourceNames: [String] = [], nonResourceURLs: [String] = []) {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
    }

    /// Reads a rule node. Items that are not scalars are skipped; a null item reads as `""`, as the
    /// API server's decoder reads it into a string list.
    public init(_ node: Node) {
        func strings(_ key: String) -> [String] {
            (node[key]?.items ?? []).compactMap { item in
                guard case .scalar(let scalar) = item.content else { return nil }
                return item.isNull ? "" : scalar.text
            }
        }
        self.init(verbs: strings("verbs"), apiGroups: strings("apiGroups"), resources: strings("resources"),
                  resourceNames: strings("resourceNames"), nonResourceURLs: strings("nonResourceURLs"))
    }

    private enum CodingKeys: String, CodingKey { case verbs, apiGroups, resources, resourceNames, nonResourceURLs }

    /// Encodes as kubectl prints rules: `verbs` always, the other lists only when not empty.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(verbs, forKey: .verbs)
        for (key, values) in [(CodingKeys.apiGroups, apiGroups), (.resources, resources),
                              (.resourceNames, resourceNames), (.nonResourceURLs, nonResourceURLs)] where !values.isEmpty {
            try container.encode(values, forKey: key)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func list(_ key: CodingKeys) throws -> [String] { try container.decodeIfPresent([String].self, forKey: key) ?? [] }
        self.init(verbs: try list(.verbs), apiGroups: try list(.apiGroups), resources: try list(.resources),
                  resourceNames: try list(.resourceNames), nonResourceURLs: try list(.nonResourceURLs))
    }

    /// One line, as `kubectl describe role` reads: `get,list pods,services.apps [name1]` or `get /healthz`.
    public var summary: String {
        let verbs = self.verbs.joined(separator: ",")
        if !nonResourceURLs.isEmpty { return "\(verbs) \(nonResourceURLs.joined(separator: ","))" }
        let groups = apiGroups.map { $0.isEmpty ? "core" : $0 }.joined(separator: ",")
        let names = resourceNames.isEmpty ? "" : " [\(resourceNames.joined(separator: ","))]"
        return "\(verbs) \(resources.joined(separator: ",")) (\(groups))\(names)"
    }
}
