/// The attributes of an API request that an audit policy rule can match on, as far as a rule about
/// the policy knows them: the resource (with its subresource), the verb, and whether the resource is
/// cluster-scoped. The user and the namespace stay unknown: any user, any namespace.
public struct AuditRequest: Sendable, Hashable {
    public var group: String
    public var resource: String
    /// `exec` for `pods/exec`; nil for the resource itself.
    public var subresource: String?
    /// nil: any verb.
    public var verb: String?
    /// Cluster-scoped requests carry the namespace "" (so `namespaces: [""]` matches them, and no other list does).
    public var isClusterScoped: Bool

    public init(group: String, resource: String, subresource: String? = nil, verb: String? = nil, isClusterScoped: Bool = false) {
        self.group = group
        self.resource = resource
        self.subresource = subresource
        self.verb = verb
        self.isClusterScoped = isClusterScoped
    }

    /// `resource/subresource`, or the resource: what a policy's `resources` list names.
    public var combinedResource: String { subresource.map { "\(resource)/\($0)" } ?? resource }

    /// True when an entry of a policy rule's `resources[].resources` names this request: the combined
    /// resource, `*`, `*/subresource`, or `resource/*` (which also names the resource itself).
    func isNamed(by entry: String) -> Bool {
        if entry == combinedResource || entry == "*" { return true }
        if let subresource, entry == "*/\(subresource)" { return true }
        return entry.hasSuffix("/*") && entry.dropLast(2) == resource
    }
}
