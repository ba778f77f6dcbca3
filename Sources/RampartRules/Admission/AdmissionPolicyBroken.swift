import RampartClusterAdmission
import RampartModel

/// `admission.policy-broken`: a ValidatingAdmissionPolicy or binding that cannot work as written.
public struct AdmissionPolicyBroken: Rule {
    public let metadata = RuleMetadata(
        id: "admission.policy-broken",
        title: "Admission policy or binding that cannot work as written",
        severity: .high, layer: .controlPlane,
        standards: ["NSA/CISA: admission control"],
        rationale: """
            A ValidatingAdmissionPolicy whose expression does not compile fails every request it matches under failurePolicy Fail, and enforces nothing under Ignore; a binding to a policy that does not exist, or with an unknown action, does nothing. Either way the control the platform team believes in is not there.
            """,
        remediation: """
            Fix the expression (the message gives the compiler's error and column), or the binding's policyName and validationActions; test the policy with `rampart admission check` before applying it.
            """)

    public init() {}

    public var reads: Set<ResourceKind> { ClusterAdmissionRules.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        context.clusterAdmission.problems.map { Violation(object: $0.object, path: $0.path, message: $0.message) }
    }
}
