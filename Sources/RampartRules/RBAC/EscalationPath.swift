import RampartModel
import RampartRBAC

/// `rbac.escalation-path`: a non-system subject can reach cluster-admin-equivalent power in two
/// or more steps (direct grants are `rbac.cluster-admin`'s).
struct EscalationPath: Rule {
    let metadata = RuleMetadata(
        id: "rbac.escalation-path",
        title: "Escalation path to cluster-admin",
        severity: .high,
        layer: .controlPlane,
        standards: ["CIS 5.1.8", "NSA/CISA: RBAC least privilege", "MITRE ATT&CK: Privilege escalation"],
        rationale: "Permissions chain: whoever creates pods in a namespace runs as its service accounts, whoever reads its Secrets holds their legacy tokens, whoever may bind or escalate roles or impersonate takes what those give. A subject that looks harmless can be a few steps from owning the cluster and every tenant in it.",
        remediation: "Break the path at its weakest step: keep powerful service accounts out of namespaces where others create pods or read Secrets, delete legacy token Secrets, and do not grant bind, escalate, impersonate, serviceaccounts/token, pods/exec or nodes/proxy beyond the platform.")

    var reads: Set<ResourceKind> { RBACPolicy.reads }

    func evaluate(in context: AuditContext) -> [Violation] {
        let policy = context.rbacPolicy
        var starts: [Subject: (binding: RBACBinding, index: Int)] = [:]
        for binding in policy.bindings {
            for bound in context.reportableSubjects(of: binding) where starts[bound.subject] == nil {
                starts[bound.subject] = (binding, bound.index)
            }
        }
        // The graph the tenant paths expanded: each node's edges are worked out once for both rules.
        var analysis = context.tenantEscalations.analysis
        let bindings = Dictionary(policy.bindings.map { ($0.reference, $0) }) { first, _ in first }
        return analysis.clusterAdminPaths(from: starts.keys.sorted()).compactMap { path in
            guard path.steps.count >= 2, let start = starts[path.from] else { return nil }
            // Point at the binding the path starts from, where the first step's grant is written.
            let first = path.steps[0].via.first.flatMap { $0.binding.flatMap { bindings[$0] } }
            let binding = first ?? start.binding
            let index = binding.subjects.first { $0.subject == path.from }?.index ?? start.index
            return Violation(object: binding.object, path: FieldPath([.key("subjects"), .index(index)]),
                             message: "\(path.from.description) can reach cluster-admin in \(path.steps.count) steps: \(path.summary)",
                             notes: path.steps.enumerated().map { "\($0 + 1). \($1.explanation)" })
        }
    }
}
