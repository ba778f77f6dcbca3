import RampartControlPlane
import RampartModel

/// `controlplane.audit-log-path`: no audit log.
public struct ControlPlaneAuditLogPath: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.audit-log-path",
        title: "API server writes no audit log",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 1.2.16", "NSA/CISA: audit logging"],
        rationale: """
            Without an audit log (or an audit webhook) nobody can tell which tenant read which Secret, who escalated \
            which binding, or what an attacker did with a stolen token.
            """,
        remediation: "Set --audit-log-path (and --audit-policy-file), or send events to a collector with --audit-webhook-config-file.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        guard !component.flags.isSet("audit-webhook-config-file") else { return [] }
        return component.missing(["audit-log-path"], "no audit events are written")
    }
}
