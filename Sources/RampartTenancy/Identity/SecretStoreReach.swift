import RampartModel

/// Which namespaces may read through a ClusterSecretStore of External Secrets Operator: all of
/// them unless `spec.conditions` lists some; a namespace matches a condition through its
/// `namespaceSelector`, its `namespaces` or one of its `namespaceRegexes` (unanchored, as Go's
/// `regexp.MatchString`), and the store serves the namespaces that match any condition.
public struct SecretStoreReach: Sendable {
    public let store: KubeObject

    public init(_ store: KubeObject) {
        self.store = store
    }

    /// The field a finding about the store's reach points at.
    public var path: FieldPath { store.root["spec"]?["conditions"] == nil ? "spec" : "spec.conditions" }

    /// True when an ExternalSecret of `namespace` (with `labels`) may use the store.
    public func serves(_ namespace: String, labels: [String: String]) -> Bool {
        let conditions = store.root["spec"]?["conditions"]?.items ?? []
        guard !conditions.isEmpty else { return true }
        return conditions.contains { condition in
            if let selector = condition["namespaceSelector"], LabelSelector(selector).matches(labels) { return true }
            if (condition["namespaces"]?.items ?? []).contains(where: { $0.string == namespace }) { return true }
            return (condition["namespaceRegexes"]?.items ?? []).contains { pattern in
                guard let text = pattern.string, let regex = try? Regex(text) else { return false }
                return namespace.contains(regex)
            }
        }
    }
}
