/// A request as the RBAC authorizer sees it: a verb on a resource (in a namespace, or
/// cluster-scoped) or on a non-resource URL.
public struct AccessRequest: Sendable, Hashable {
    /// What the request is about.
    public enum Target: Sendable, Hashable {
        /// A resource request: API group (`""` for core), resource, subresource (`""` for none) and
        /// object name (`""` for none, as in `list` or `create`).
        case resource(apiGroup: String, resource: String, subresource: String, name: String)
        /// A non-resource URL such as `/healthz` or `/apis`.
        case nonResource(path: String)
    }

    public var verb: String
    public var target: Target
    /// The request's namespace; `""` for a cluster-scoped request (or a request across all
    /// namespaces), which only ClusterRoleBindings can grant. Always `""` for non-resource URLs.
    public var namespace: String

    public init(verb: String, target: Target, namespace: String = "") {
        self.verb = verb
        self.target = target
        if case .nonResource = target {
            self.namespace = ""
        } else {
            self.namespace = namespace
        }
    }

    /// A resource request.
    public static func resource(_ verb: String, group: String = "", _ resource: String, subresource: String = "",
                                name: String = "", namespace: String = "") -> AccessRequest {
        AccessRequest(verb: verb, target: .resource(apiGroup: group, resource: resource, subresource: subresource, name: name),
                      namespace: namespace)
    }

    /// Parses kubectl's `resource[.group][/subresource]`, or a non-resource URL when `text` starts with `/`.
    public static func parse(verb: String, resource text: String, name: String = "", namespace: String = "") -> AccessRequest {
        if text.hasPrefix("/") {
            return AccessRequest(verb: verb, target: .nonResource(path: text))
        }
        var resourcePart = Substring(text)
        var subresource = ""
        if let slash = text.firstIndex(of: "/") {
            resourcePart = text[..<slash]
            subresource = String(text[text.index(after: slash)...])
        }
        var group = ""
        if let dot = resourcePart.firstIndex(of: ".") {
            group = String(resourcePart[resourcePart.index(after: dot)...])
            resourcePart = resourcePart[..<dot]
        }
        return .resource(verb, group: group, String(resourcePart), subresource: subresource, name: name, namespace: namespace)
    }

    /// `get pods/log in ns1`, `get /healthz`: for explanations.
    public var description: String {
        switch target {
        case .nonResource(let path):
            return "\(verb) \(path)"
        case .resource(let group, let resource, let subresource, let name):
            var text = "\(verb) \(resource)\(group.isEmpty ? "" : "." + group)\(subresource.isEmpty ? "" : "/" + subresource)"
            if !name.isEmpty { text += " named \(name)" }
            return text + (namespace.isEmpty ? " (cluster-wide)" : " in \(namespace)")
        }
    }
}
