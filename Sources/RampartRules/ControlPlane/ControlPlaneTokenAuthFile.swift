import RampartControlPlane
import RampartModel

/// `controlplane.token-auth-file`: static bearer tokens.
public struct ControlPlaneTokenAuthFile: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.token-auth-file",
        title: "API server accepts static bearer tokens",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 1.2.2", "NSA/CISA: authentication"],
        rationale: """
            Tokens of a --token-auth-file live in clear text on the control-plane disk, never expire, and can only be \
            revoked by restarting the API server.
            """,
        remediation: "Remove --token-auth-file; authenticate people with OIDC and workloads with service-account tokens.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        guard let flag = component.flags.last("token-auth-file") else { return [] }
        return [ConfigProblem(path: flag.path, message: "\(flag.display) is set: static tokens never expire")]
    }
}
