import RampartControlPlane
import RampartModel

/// `controlplane.pod-security-default-privileged`: namespaces without labels get no Pod Security enforcement.
public struct ControlPlanePodSecurityDefaultPrivileged: ConfigDocumentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.pod-security-default-privileged",
        title: "PodSecurity admission enforces nothing by default",
        severity: .low, layer: .pod,
        standards: ["CIS 5.2.1", "PSS: cluster-wide default"],
        rationale: """
            The PodSecurity plugin's defaults apply to every namespace without pod-security.kubernetes.io/enforce \
            labels. With defaults.enforce privileged (the default), a namespace created without labels admits \
            privileged pods.
            """,
        remediation: "Set defaults.enforce to baseline (or restricted) in the PodSecurity plugin configuration and label the platform's namespaces that need more.")

    public init() {}

    func documents(in controlPlane: ControlPlane) -> [PodSecurityAdmissionConfig] { controlPlane.podSecurityConfigs }
    func object(of document: PodSecurityAdmissionConfig) -> KubeObject { document.object }

    func problems(_ config: PodSecurityAdmissionConfig) -> [ConfigProblem] {
        guard config.defaultEnforce == "privileged" else { return [] }
        return [ConfigProblem(path: config.path("defaults.enforce"),
                              message: "defaults.enforce is privileged: namespaces without labels admit privileged pods")]
    }
}
