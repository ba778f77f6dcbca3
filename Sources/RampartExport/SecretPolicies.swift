import RampartRules

/// The secrets rules in CEL.
enum SecretPolicies {
    static func validation(for rule: any Rule) -> PodValidation? {
        rule is SecretsEnvFromSecret ? envFromSecret : nil
    }

    /// `secrets.env-from-secret`: no container reads a Secret into its environment
    /// (`env[].valueFrom.secretKeyRef` or `envFrom[].secretRef`).
    static let envFromSecret = PodValidation.containers(
        failing: """
            \(CELFields.list("c", "env")).exists(e, type(\(CELFields.field("e", "valueFrom"))) == map && has(e.valueFrom.secretKeyRef)) \
            || \(CELFields.list("c", "envFrom")).exists(e, type(e) == map && has(e.secretRef))
            """,
        field: "containers[].env[].valueFrom.secretKeyRef|envFrom[].secretRef", problem: "read Secrets into environment variables")
}
