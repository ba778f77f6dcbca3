import RampartModel

/// `secrets.env-from-secret`: a Secret passed to a container as environment variables.
public struct SecretsEnvFromSecret: PodRule {
    public let metadata = RuleMetadata(
        id: "secrets.env-from-secret",
        title: "Secret passed as environment variables",
        severity: .low, layer: .secrets,
        standards: ["CIS 5.4.1", "NSA/CISA: secrets"],
        rationale: """
            Environment variables leak: into crash dumps, child processes, `/proc/*/environ`, debug \
            endpoints and logs. Files mounted from a Secret can be restricted and are updated on rotation.
            """,
        remediation: "Mount the Secret as a volume and read the value from the file.")

    public init() {}

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        pod.containers.flatMap { container -> [Violation] in
            let env = (container.node["env"]?.items ?? []).enumerated().compactMap { index, variable -> Violation? in
                guard let reference = variable["valueFrom"]?["secretKeyRef"] else { return nil }
                return Violation(object: pod.object,
                                 path: container.path.appending("env").appending(index: index).appending("valueFrom"),
                                 message: "\(container.label) reads Secret '\(reference["name"]?.string ?? "")' into environment variable '\(variable["name"]?.string ?? "")'")
            }
            let envFrom = (container.node["envFrom"]?.items ?? []).enumerated().compactMap { index, source -> Violation? in
                guard let reference = source["secretRef"] else { return nil }
                return Violation(object: pod.object,
                                 path: container.path.appending("envFrom").appending(index: index).appending("secretRef"),
                                 message: "\(container.label) loads every key of Secret '\(reference["name"]?.string ?? "")' as environment variables")
            }
            return env + envFrom
        }
    }
}
