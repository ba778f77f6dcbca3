import RampartModel

/// The namespaces a `NamespaceMatcher` may match, found through an index of names and labels instead
/// of trying every namespace: with one tenant per namespace, trying them all costs tenants × namespaces.
struct NamespaceCandidates {
    private let all: [String]
    private let known: Set<String>
    /// Label key → value → namespaces with that label, sorted.
    private let byLabel: [String: [String: [String]]]

    init(_ inventory: Inventory) {
        all = inventory.namespaceNames
        known = Set(all)
        var byLabel: [String: [String: [String]]] = [:]
        for namespace in all {
            for (key, value) in inventory.namespaceLabels(namespace) ?? [:] { byLabel[key, default: [:]][value, default: []].append(namespace) }
        }
        self.byLabel = byLabel
    }

    /// Every namespace `matcher` may match (a superset), sorted like `Inventory.namespaceNames`: the
    /// exact names it lists, and those carrying one of its selector's `matchLabels`; every namespace
    /// when it has globs, or a selector without `matchLabels`.
    func superset(of matcher: NamespaceMatcher) -> [String] {
        guard !matcher.names.contains(where: Glob.isPattern) else { return all }
        var found = Set(matcher.names.filter(known.contains))
        if let selector = matcher.selector, !selector.isEmpty {
            guard let (key, value) = selector.matchLabels.min(by: { $0.key < $1.key }) else { return all }
            found.formUnion(byLabel[key]?[value] ?? [])
        }
        return found.sorted()
    }
}
