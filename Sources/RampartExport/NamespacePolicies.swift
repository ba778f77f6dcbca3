import RampartPSS
import RampartRules

/// The rules about Namespace objects in CEL.
enum NamespacePolicies {
    static func validation(for rule: any Rule, platform: Set<String>) -> ObjectValidation? {
        switch rule {
        case is PssNamespaceNotEnforced: namespaceNotEnforced(platform: platform)
        case is ResourcesDeviceAdminAccess: deviceAdminAccess(platform: platform)
        default: nil
        }
    }

    private static let namespaces: [ExportedPolicy.Resources] = [.init(groups: [""], resources: ["namespaces"])]
    private static let labels = "variables.labels"
    private static let labelsVariable = ("labels", "type(\(CELFields.field("object", "metadata.labels"))) == map ? object.metadata.labels : {}")

    /// True for a Namespace of the platform (the rules about tenant namespaces skip them).
    private static func isPlatform(_ platform: Set<String>) -> String {
        "\(CELFields.string("object", "metadata.name")) in \(CELFields.strings(platform.sorted()))"
    }

    /// `pss.namespace-not-enforced`: a tenant Namespace (any but the platform's) has a Pod Security
    /// enforce label, and its level is not `privileged`.
    static func namespaceNotEnforced(platform: Set<String>) -> ObjectValidation {
        ObjectValidation(
            resources: namespaces,
            expression: """
                \(isPlatform(platform)) \
                || \(PodSpecExpressions.enforceLabel) in \(labels) && \(labels)[\(PodSpecExpressions.enforceLabel)] != 'privileged'
                """,
            message: "' at metadata.labels: namespace enforces no Pod Security level (no \(NamespacePolicy.enforceLabel) label, or privileged): every pod is admitted'",
            variables: [labelsVariable])
    }

    /// `resources.device-admin-access`: a tenant Namespace (any but the platform's) is not labelled
    /// `resource.kubernetes.io/admin-access: "true"` (label values are strings on the API server; the
    /// value is compared as the API server's admission check compares it, case-sensitively).
    static func deviceAdminAccess(platform: Set<String>) -> ObjectValidation {
        let label = PolicyYAML.celString(ResourcesDeviceAdminAccess.label)
        return ObjectValidation(
            resources: namespaces,
            expression: "\(isPlatform(platform)) || !(\(label) in \(labels) && \(labels)[\(label)] == 'true')",
            message: "' at metadata.labels: namespace is labelled \(ResourcesDeviceAdminAccess.label)=true: its ResourceClaims may take admin access to devices other tenants use'",
            variables: [labelsVariable])
    }
}
