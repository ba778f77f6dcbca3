import RampartControlPlane
import RampartModel

/// `controlplane.audit-policy-file`: no audit policy, so nothing is audited.
public struct ControlPlaneAuditPolicyFile: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.audit-policy-file",
        title: "API server has no audit policy",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 3.2.1", "NSA/CISA: audit logging"],
        rationale: "Without --audit-policy-file the API server records no audit events at all, whatever the log settings.",
        remediation: "Write an audit Policy (Metadata for Secrets, ConfigMaps and TokenReviews; RequestResponse for RBAC changes) and pass it with --audit-policy-file.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.missing(["audit-policy-file"], "no request is audited")
    }
}
