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
        var kinds: Set<String> = []
        for rule in rules {
            if let objectRule = rule as? any ObjectRule {
                kinds.formUnion(objectRule.kinds)
            } else if rule is PssNamespaceNotEnforced {
                kinds.insert("Namespace")
            } else {
                kinds.formUnion(PodTemplate.templatePaths.keys)
            }
        }
        return kinds
    }
}
