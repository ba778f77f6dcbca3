import RampartRules

/// The RBAC rules that judge one object, in CEL.
enum RBACPolicies {
    static func validation(for rule: any Rule) -> ObjectValidation? {
        rule is WildcardRules ? wildcardRules : nil
    }

    private static let fields = CELFields.strings(["verbs", "apiGroups", "resources", "nonResourceURLs"])

    /// No rule of a Role or ClusterRole lists `*` as a verb, API group, resource or URL, unless the
    /// role is the bootstrap policy's (`kubernetes.io/bootstrapping: rbac-defaults`) or aggregated.
    static let wildcardRules = ObjectValidation(
        resources: [.init(groups: ["rbac.authorization.k8s.io"], resources: ["roles", "clusterroles"])],
        expression: """
            type(\(CELFields.field("object", "metadata.labels"))) == map && 'kubernetes.io/bootstrapping' in object.metadata.labels \
            && object.metadata.labels['kubernetes.io/bootstrapping'] == 'rbac-defaults' \
            || has(object.aggregationRule) \
            || !\(CELFields.list("object", "rules")).exists(r, type(r) == map && \(fields).exists(f, f in r && type(r[f]) == list \
            && r[f].exists(x, x == '*')))
            """,
        message: "' at rules[]: a role rule uses * for verbs, API groups, resources or URLs'")
}
