import RampartAdmission
import RampartCEL
import RampartClusterAdmission
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

/// The exported policies as the API server evaluates them, compiled once for each distinct set of
/// Namespaces (the only other objects they read: labels and `namespaceObject`).
struct PolicyJudge {
    let policyObjects: [KubeObject]
    private var admissions: [[CELValue]: ClusterAdmission] = [:]
    private(set) var compilations = 0

    init(policyObjects: [KubeObject]) {
        self.policyObjects = policyObjects
    }

    /// The admission of `inventory`'s namespaces: the policies and the Namespace objects, in order.
    mutating func admission(for inventory: Inventory) -> ClusterAdmission {
        let namespaces = inventory.objects(ofKind: "Namespace", group: "")
        let key = namespaces.map(ClusterAdmission.celValue)
        if let admission = admissions[key] { return admission }
        let admission = ClusterAdmission(Inventory(objects: policyObjects + namespaces))
        admissions[key] = admission
        compilations += 1
        return admission
    }
}
