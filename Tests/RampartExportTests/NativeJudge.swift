import RampartAdmission
import RampartModel
import RampartRules

/// The native verdicts as the webhook gives them: each object judged by itself, with its Namespace,
/// by the rules that look at its kind.
struct NativeJudge {
    let rulesByKind: [String: [any Rule]]
    let settings: RuleSettings

    init(rules: [any Rule], settings: RuleSettings) {
        rulesByKind = AdmissionRules.byKind(rules)
        self.settings = settings
    }

    /// The IDs of the rules that report `object` (`inventory` gives its Namespace).
    func firing(on object: KubeObject, in inventory: Inventory) -> Set<String> {
        guard let rules = rulesByKind[object.kind] else { return [] }
        let namespace = object.kind == "Namespace" ? nil : object.namespace.flatMap(inventory.namespace)
        let context = AuditContext(inventory: Inventory(objects: [object] + (namespace.map { [$0] } ?? [])), settings: settings)
        return Set(rules.filter { rule in
            rule.evaluate(in: context).contains { $0.object.reference == object.reference }
        }.map(\.metadata.id))
    }
}
