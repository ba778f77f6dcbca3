import RampartModel

/// `secrets.literal-in-env`: a credential written as a literal environment variable value.
public struct SecretsLiteralInEnv: PodRule {
    public let metadata = RuleMetadata(
        id: "secrets.literal-in-env",
        title: "Credential as a literal environment variable",
        severity: .high, layer: .secrets,
        standards: ["CIS 5.4.1", "NSA/CISA: secrets"],
        rationale: """
            A literal value lives in the manifest, in Git, in every rendered chart and in the object anyone \
            with read access to the workload sees. It cannot be rotated without a redeploy.
            """,
        remediation: "Move the value into a Secret (better, an external secret store) and mount it as a file.")

    public init() {}

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        pod.containers.flatMap { container in
            (container.node["env"]?.items ?? []).enumerated().compactMap { index, variable -> Violation? in
                guard let name = variable["name"]?.string, let value = variable["value"]?.string,
                      SecretShape.isLiteralSecret(name: name, value: value) else { return nil }
                return Violation(object: pod.object,
                                 path: container.path.appending("env").appending(index: index).appending("value"),
                                 message: "\(container.label) sets environment variable '\(name)' to a literal credential (value not shown)")
            }
        }
    }
}
