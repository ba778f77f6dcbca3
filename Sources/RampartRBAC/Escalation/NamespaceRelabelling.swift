/// The writes that rewrite a namespace's labels: an update or patch of the Namespace, or of its
/// `status` and `finalize` subresources, whose writes carry metadata too. The escalation graph's
/// `relabel-namespace` technique and the rules that combine a relabel with another grant share it.
public enum NamespaceRelabelling {
    public static let verbs = ["update", "patch"]
    public static let resources = ["namespaces", "namespaces/status", "namespaces/finalize"]

    /// The first relabelling write `rule` allows for some namespace (`update namespaces`), names aside.
    public static func permission(of rule: PolicyRule) -> String? {
        guard rule.matchesAPIGroup("") else { return nil }
        for resource in resources {
            let subresource = resource.split(separator: "/").dropFirst().first.map(String.init) ?? ""
            guard rule.matchesResource(resource, subresource: subresource) else { continue }
            if let verb = verbs.first(where: rule.matchesVerb) { return "\(verb) \(resource)" }
        }
        return nil
    }

    /// The namespaces whose labels a relabelling rule lets a binding rewrite: a RoleBinding's
    /// (`bindingNamespace`) its own namespace (a namespace request's namespace is the namespace's
    /// name), a ClusterRoleBinding's every namespace (nil) or its `resourceNames`.
    public static func namespaces(of rule: PolicyRule, bindingNamespace: String?) -> Set<String>? {
        let names = Set(rule.resourceNames)
        guard let own = bindingNamespace else { return names.isEmpty ? nil : names }
        return names.isEmpty || names.contains(own) ? [own] : []
    }
}
