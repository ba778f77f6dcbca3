import RampartPSS
import RampartRules

/// The rules about Namespace objects in CEL.
enum NamespacePolicies {
    static func validation(for rule: any Rule, platform: Set<String>) -> ObjectValidation? {
        rule is PssNamespaceNotEnforced ? namespaceNotEnforced(platform: platform) : nil
    }

    /// `pss.namespace-not-enforced`: a tenant Namespace (any but the platform's) has a Pod Security
    /// enforce label, and its level is not `privileged`.
    static func namespaceNotEnforced(platform: Set<String>) -> ObjectValidation {
        let labels = "variables.labels"
        return ObjectValidation(
            resources: [.init(groups: [""], resources: ["namespaces"])],
            expression: """
                \(CELFields.string("object", "metadata.name")) in \(CELFields.strings(platform.sorted())) \
                || \(PodSpecExpressions.enforceLabel) in \(labels) && \(labels)[\(PodSpecExpressions.enforceLabel)] != 'privileged'
                """,
            message: "' at metadata.labels: namespace enforces no Pod Security level (no \(NamespacePolicy.enforceLabel) label, or privileged): every pod is admitted'",
            variables: [("labels", "type(\(CELFields.field("object", "metadata.labels"))) == map ? object.metadata.labels : {}")])
    }
}
