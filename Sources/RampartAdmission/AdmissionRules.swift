import RampartModel
import RampartRules

/// The catalog rules the webhook runs: those that judge one object by itself (a pod template, a
/// Service, a ConfigMap, a Namespace's own labels) in the families that describe what a request
/// creates. Rules that need the rest of the cluster (RBAC bindings, network policies, a namespace's
/// quota or LimitRange) would judge an inventory of one object wrongly, so they are left out.
public enum AdmissionRules {
    /// Rule families judged at admission.
    public static let families: Set<String> = ["pss", "images", "secrets", "exposure", "serviceaccounts", "resources"]

    /// The rules of `catalog` that need only the object under admission.
    public static func select(from catalog: [any Rule]) -> [any Rule] {
        catalog.filter { rule in
            guard let family = rule.metadata.id.split(separator: ".").first, families.contains(String(family)) else {
                return false
            }
            return rule is any PodRule || rule is any ObjectRule || rule is PodSecurityCheckRule
                || rule is PssNamespaceNotEnforced
        }
    }

    /// The kinds at least one of `rules` looks at; requests for other kinds are allowed unjudged.
    public static func kinds(of rules: [any Rule]) -> Set<String> {
        Set(byKind(rules).keys)
    }

    /// For each kind, the rules that look at objects of that kind, in catalog order.
    public static func byKind(_ rules: [any Rule]) -> [String: [any Rule]] {
        var byKind: [String: [any Rule]] = [:]
        for rule in rules {
            for kind in kinds(of: rule) { byKind[kind, default: []].append(rule) }
        }
        return byKind
    }

    /// The kinds one rule looks at.
    private static func kinds(of rule: any Rule) -> [String] {
        if let objectRule = rule as? any ObjectRule { return objectRule.kinds }
        if rule is PssNamespaceNotEnforced { return ["Namespace"] }
        return Array(PodTemplate.templatePaths.keys)
    }
}
