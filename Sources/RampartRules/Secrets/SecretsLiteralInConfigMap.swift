import RampartModel

/// `secrets.literal-in-configmap`: a credential stored in a ConfigMap instead of a Secret.
public struct SecretsLiteralInConfigMap: ObjectRule {
    public let metadata = RuleMetadata(
        id: "secrets.literal-in-configmap",
        title: "Credential stored in a ConfigMap",
        severity: .high, layer: .secrets,
        standards: ["CIS 5.4.1", "NSA/CISA: secrets"],
        rationale: """
            ConfigMaps are readable by every role that reads configuration (`view` included), are not \
            encrypted at rest, and end up in logs and dashboards.
            """,
        remediation: "Move the value into a Secret or an external secret store and reference it from there.")

    public let kinds = ["ConfigMap"]

    public init() {}

    public func evaluate(_ object: KubeObject, in context: AuditContext) -> [Violation] {
        (object.root["data"]?.entries ?? []).compactMap { entry in
            guard let value = entry.value.string, SecretShape.isLiteralSecret(name: entry.key, value: value) else { return nil }
            return Violation(object: object, path: FieldPath("data").appending(entry.key),
                             message: "ConfigMap key '\(entry.key)' holds a literal credential (value not shown)")
        }
    }
}
