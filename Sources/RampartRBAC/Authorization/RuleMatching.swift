/// `RuleAllows` of the API server's RBAC authorizer (`plugin/pkg/auth/authorizer/rbac/rbac.go`) and
/// the matchers of `pkg/apis/rbac/v1/evaluation_helpers.go`, exactly.
extension PolicyRule {
    /// The token that matches every verb, group, resource and non-resource URL.
    public static let all = "*"

    /// True when this rule allows `request` (the request's namespace is the binding's business).
    public func allows(_ request: AccessRequest) -> Bool {
        guard matchesVerb(request.verb) else { return false }
        switch request.target {
        case .nonResource(let path):
            return matchesNonResourceURL(path)
        case .resource(let group, let resource, let subresource, let name):
            let combined = subresource.isEmpty ? resource : resource + "/" + subresource
            return matchesAPIGroup(group) && matchesResource(combined, subresource: subresource) && matchesResourceName(name)
        }
    }

    public func matchesVerb(_ verb: String) -> Bool {
        verbs.contains { $0 == Self.all || $0 == verb }
    }

    public func matchesAPIGroup(_ group: String) -> Bool {
        apiGroups.contains { $0 == Self.all || $0 == group }
    }

    /// `*`, the exact `resource[/subresource]`, or `*/subresource` for a request with that subresource.
    public func matchesResource(_ combined: String, subresource: String) -> Bool {
        resources.contains { ruleResource in
            if ruleResource == Self.all || ruleResource == combined { return true }
            return !subresource.isEmpty && ruleResource == "*/" + subresource
        }
    }

    /// No `resourceNames`: any name (and none); otherwise the request must name one of them.
    public func matchesResourceName(_ name: String) -> Bool {
        resourceNames.isEmpty || resourceNames.contains(name)
    }

    /// `*`, the exact path, or a prefix when the pattern ends in `*`.
    public func matchesNonResourceURL(_ path: String) -> Bool {
        nonResourceURLs.contains { pattern in
            if pattern == Self.all || pattern == path { return true }
            return pattern.hasSuffix("*") && path.hasPrefix(pattern.dropLast())
        }
    }
}
