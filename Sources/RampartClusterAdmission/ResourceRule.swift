import RampartModel

/// One `resourceRules` (or `excludeResourceRules`) entry of a policy or binding: operations, API
/// groups, versions, resources with subresources, scope and resource names, matched as the API
/// server's admission rule matcher does (`*` is every resource without subresources, `*/*` every
/// resource and subresource, `pods/*` every subresource of pods, `*/scale` scale of every resource).
struct ResourceRule: Sendable {
    var operations: [String]
    var apiGroups: [String]
    var apiVersions: [String]
    var resources: [String]
    /// `*` (default), `Cluster` or `Namespaced`.
    var scope: String
    var resourceNames: [String]

    init(_ node: Node) {
        operations = node["operations"]?.items.compactMap(\.string) ?? []
        apiGroups = node["apiGroups"]?.items.compactMap(\.string) ?? []
        apiVersions = node["apiVersions"]?.items.compactMap(\.string) ?? []
        resources = node["resources"]?.items.compactMap(\.string) ?? []
        scope = node["scope"]?.string ?? "*"
        resourceNames = node["resourceNames"]?.items.compactMap(\.string) ?? []
    }

    /// True when the request matches; `equivalentVersions` (matchPolicy Equivalent) lets a rule
    /// written for another version of the same group and resource match, as the API server converts.
    func matches(_ request: AdmissionAttributes, equivalentVersions: Bool) -> Bool {
        guard Self.contains(operations, request.operation.rawValue),
              Self.contains(apiGroups, request.group),
              equivalentVersions || Self.contains(apiVersions, request.version),
              matchesResource(request.resource, request.subresource),
              matchesScope(request),
              resourceNames.isEmpty || resourceNames.contains(request.name) else { return false }
        return true
    }

    private func matchesResource(_ resource: String, _ subresource: String) -> Bool {
        resources.contains { pattern in
            let parts = pattern.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let resourcePattern = parts[0], subresourcePattern = parts.count > 1 ? parts[1] : ""
            return (resourcePattern == "*" || resourcePattern == resource)
                && (subresourcePattern == "*" || subresourcePattern == subresource)
        }
    }

    private func matchesScope(_ request: AdmissionAttributes) -> Bool {
        switch scope {
        case "Cluster": return request.namespace == nil
        case "Namespaced": return request.namespace != nil
        default: return true
        }
    }

    private static func contains(_ values: [String], _ value: String) -> Bool {
        values.contains { $0 == "*" || $0 == value }
    }
}
