import RampartModel
import RampartRules

/// The catalog rules the webhook runs: those whose scope says they judge one object by itself (a
/// pod template, a Service, a ConfigMap, a Namespace's own labels, a Role). Rules that need the rest
/// of the cluster (bindings, network policies, a namespace's quota) would judge an inventory of one
/// object wrongly, so they are left out. Nothing here names a family: a rule of a new family runs at
/// admission as soon as its scope allows it.
public enum AdmissionRules {
    /// The rules of `catalog` that need only the object under admission.
    public static func select(from catalog: [any Rule]) -> [any Rule] {
        catalog.filter { $0.scope.judgesOneObject }
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
        switch rule.scope {
        case .object(let kinds): kinds
        case .podTemplate: Array(PodTemplate.templatePaths.keys)
        case .inventory: []
        }
    }
}
