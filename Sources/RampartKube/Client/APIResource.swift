/// One listable resource of the API, as discovery describes it.
public struct APIResource: Sendable, Hashable {
    /// The API group (empty for the core group).
    public var group: String
    public var version: String
    /// The plural resource name (`deployments`).
    public var name: String
    public var kind: String
    public var namespaced: Bool

    public init(group: String, version: String, name: String, kind: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.name = name
        self.kind = kind
        self.namespaced = namespaced
    }

    /// `v1` or `group/version`, as objects write it.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// `deployments.apps`, or `pods` for the core group, as kubectl names resources.
    public var qualifiedName: String { group.isEmpty ? name : "\(name).\(group)" }

    /// The path that lists the resource, in one namespace or across all of them.
    public func listPath(namespace: String?) -> String {
        let root = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        if namespaced, let namespace { return "\(root)/namespaces/\(namespace)/\(name)" }
        return "\(root)/\(name)"
    }
}
