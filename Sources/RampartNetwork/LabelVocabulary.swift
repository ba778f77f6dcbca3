import RampartModel

/// Every value each label key takes on the pods and namespaces of the inputs. Selector operators that
/// label selectors lack (Calico's `contains`, `starts with`, `ends with`) become exact `In` lists over it.
struct LabelVocabulary: Sendable {
    private(set) var values: [String: Set<String>] = [:]

    init() {}

    init(_ inventory: Inventory) {
        for template in inventory.podTemplates { add(template.labels) }
        for namespace in inventory.namespaceNames {
            add(inventory.namespaceLabels(namespace) ?? [:])
            values["kubernetes.io/metadata.name", default: []].insert(namespace)
            values["projectcalico.org/name", default: []].insert(namespace)
        }
    }

    private mutating func add(_ labels: [String: String]) {
        for (key, value) in labels { values[key, default: []].insert(value) }
    }

    /// The values of `key` that satisfy `predicate`, sorted.
    func values(of key: String, where predicate: (String) -> Bool) -> [String] {
        (values[key] ?? []).filter(predicate).sorted()
    }
}
