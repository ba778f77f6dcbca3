/// The controller that owns an object: kind, name, apiVersion.
typealias Owner = (kind: String, name: String, apiVersion: String)

extension ClusterGenerator {
    /// `metadata` as a live cluster returns it: uid, resourceVersion, creationTimestamp, labels.
    mutating func metadata(
        _ name: String, namespace: String?, labels: [(String, String)] = [], annotations: [(String, String)] = [],
        owner: Owner? = nil
    ) -> YAMLValue {
        let ownerReferences: YAMLValue? = owner.map { owner in
            [[
                "apiVersion": .string(owner.apiVersion), "blockOwnerDeletion": true, "controller": true,
                "kind": .string(owner.kind), "name": .string(owner.name), "uid": .string(rng.uuid()),
            ]]
        }
        return .map([
            ("annotations", .strings(annotations)),
            ("creationTimestamp", .string(rng.timestamp())),
            ("labels", .strings(labels)),
            ("name", .string(name)),
            ("namespace", namespace.map { .string($0) }),
            ("ownerReferences", ownerReferences),
            ("resourceVersion", .string(String(rng.int(1_000...99_999_999)))),
            ("uid", .string(rng.uuid())),
        ])
    }

    /// The recommended labels of an application's objects.
    func appLabels(_ app: AppPlan, component: String? = nil) -> [(String, String)] {
        var labels = [
            ("app.kubernetes.io/name", app.name), ("app.kubernetes.io/part-of", app.namespace.tenant),
            ("rampart.dev/tenant", app.namespace.tenant),
        ]
        if let component { labels.append(("app.kubernetes.io/component", component)) }
        return labels
    }

    /// A whole object: apiVersion, kind, metadata and the given body fields.
    func object(_ apiVersion: String, _ kind: String, _ metadata: YAMLValue, _ body: [(String, YAMLValue?)]) -> YAMLValue {
        .map([("apiVersion", .string(apiVersion)), ("kind", .string(kind)), ("metadata", metadata)] + body)
    }
}
