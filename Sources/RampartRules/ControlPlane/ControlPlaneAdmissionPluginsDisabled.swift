import RampartControlPlane
import RampartModel

/// `controlplane.admission-plugins-disabled`: a default admission plugin that protects tenants is turned off.
public struct ControlPlaneAdmissionPluginsDisabled: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.admission-plugins-disabled",
        title: "Protective default admission plugin disabled",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 1.2.12", "CIS 1.2.13", "CIS 5.2.1"],
        rationale: """
            ServiceAccount (service-account token and account checks), NamespaceLifecycle (no objects in terminating or \
            missing namespaces) and PodSecurity (the Pod Security Standards of each namespace's labels) are on by default; \
            disabling one removes a control every tenant relies on.
            """,
        remediation: "Remove ServiceAccount, NamespaceLifecycle and PodSecurity from --disable-admission-plugins.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    /// Default-on plugins that must stay on.
    static let protective: Set<String> = ["ServiceAccount", "NamespaceLifecycle", "PodSecurity"]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.flags.list("disable-admission-plugins").filter { Self.protective.contains($0.item) }.map {
            ConfigProblem(path: $0.flag.path, message: "--disable-admission-plugins turns off \($0.item)")
        }
    }
}
