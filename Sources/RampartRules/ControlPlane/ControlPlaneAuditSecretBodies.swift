import RampartControlPlane
import RampartModel

/// `controlplane.audit-secret-bodies`: the audit log records Secret or TokenReview bodies.
public struct ControlPlaneAuditSecretBodies: ConfigDocumentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.audit-secret-bodies",
        title: "Audit policy writes Secret values or tokens into the log",
        severity: .high, layer: .secrets,
        standards: ["CIS 3.2.2", "NSA/CISA: audit logging"],
        rationale: """
            At level Request or RequestResponse the audit log holds the request and response bodies: every Secret's \
            data, and the bearer token of every TokenReview. Whoever reads the log (a SIEM, a log pipeline, its \
            operators) reads every tenant's credentials.
            """,
        remediation: "Add a rule before any broader one: `- level: Metadata` with `resources: [{group: \"\", resources: [secrets, configmaps]}, {group: authentication.k8s.io, resources: [tokenreviews]}]`.")

    /// The resources whose bodies are credentials.
    static let sensitive: [(group: String, resource: String)] = [("", "secrets"), ("authentication.k8s.io", "tokenreviews")]

    public init() {}

    func documents(in controlPlane: ControlPlane) -> [AuditPolicy] { controlPlane.auditPolicies }
    func object(of document: AuditPolicy) -> KubeObject { document.object }

    func problems(_ policy: AuditPolicy) -> [ConfigProblem] {
        Self.sensitive.flatMap { group, resource in
            policy.matches(resource: resource, group: group).filter(\.level.recordsBodies).map { match in
                ConfigProblem(path: match.path, message: "rules[\(match.index)] records \(resource) at level \(match.level.rawValue)\(match.isUnconditional ? "" : " (for some requests)"): their bodies go into the audit log")
            }
        }
    }
}
