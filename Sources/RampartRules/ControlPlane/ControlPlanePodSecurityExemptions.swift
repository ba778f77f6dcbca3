import RampartControlPlane
import RampartModel

/// `controlplane.pod-security-exemptions`: Pod Security exemptions that tenants can use (tenant namespaces
/// are judged by the platform namespaces of the settings).
public struct ControlPlanePodSecurityExemptions: Rule {
    public let metadata = RuleMetadata(
        id: "controlplane.pod-security-exemptions",
        title: "PodSecurity admission exempts tenants, users or runtime classes",
        severity: .medium, layer: .pod,
        standards: ["CIS 5.2.1", "PSS: exemptions"],
        rationale: """
            Exempt requests skip Pod Security entirely: a tenant namespace, a runtime class tenants can name, or a user \
            whose own pod requests are exempt each reopens privileged pods to tenants.
            """,
        remediation: "Exempt only platform namespaces; never exempt runtime classes tenants can use or human users.")

    public init() {}

    public var reads: Set<ResourceKind> { ControlPlane.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        context.controlPlane.podSecurityConfigs.flatMap { config in
            let namespaces = config.exemptions("namespaces").filter { context.isTenantNamespace($0.value) }.map {
                Violation(object: config.object, path: $0.path, message: "namespace \($0.value) is exempt from Pod Security and is not a platform namespace")
            }
            let others = ["usernames", "runtimeClasses"].flatMap { field in
                config.exemptions(field).map {
                    Violation(object: config.object, path: $0.path, message: "\(field) exemption \"\($0.value)\": its pods skip Pod Security")
                }
            }
            return namespaces + others
        }
    }
}
