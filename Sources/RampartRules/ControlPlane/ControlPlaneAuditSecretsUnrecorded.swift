import RampartControlPlane
import RampartModel

/// `controlplane.audit-secrets-unrecorded`: Secret access leaves no audit trace.
public struct ControlPlaneAuditSecretsUnrecorded: ConfigDocumentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.audit-secrets-unrecorded",
        title: "Audit policy does not record Secret access",
        severity: .low, layer: .controlPlane,
        standards: ["CIS 3.2.2", "NSA/CISA: audit logging"],
        rationale: """
            Reading another tenant's Secrets is the first thing an intruder does; if the policy's first rule that \
            covers every Secret request says None (or no rule covers them), that access leaves no trace.
            """,
        remediation: "Add `- level: Metadata` for `resources: [{group: \"\", resources: [secrets]}]` before any rule at level None that covers Secrets.")

    public init() {}

    func documents(in controlPlane: ControlPlane) -> [AuditPolicy] { controlPlane.auditPolicies }
    func object(of document: AuditPolicy) -> KubeObject { document.object }

    func problems(_ policy: AuditPolicy) -> [ConfigProblem] {
        let (level, match) = policy.defaultLevel(resource: "secrets", group: "")
        guard level == .none else { return [] }
        guard let match else {
            return [ConfigProblem(path: "rules", message: "no rule covers every Secret request: the rest are not recorded")]
        }
        return [ConfigProblem(path: match.path, message: "rules[\(match.index)] records Secret requests at level None")]
    }
}
