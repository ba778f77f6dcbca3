import RampartModel
import RampartPSS

/// `pss.namespace-not-enforced`: a tenant namespace whose Pod Security admission does not enforce
/// anything (no `pod-security.kubernetes.io/enforce` label, or `privileged`). A namespace whose
/// Namespace object is not among the inputs is not reported: its labels are unknown, and the
/// `pss.*` check rules already judge its pods at restricted.
public struct PssNamespaceNotEnforced: NamespaceRule {
    public let metadata = RuleMetadata(
        id: "pss.namespace-not-enforced",
        title: "Tenant namespace does not enforce a Pod Security level",
        severity: .high, layer: .tenancy,
        standards: ["CIS 5.2.1", "PSS: namespace labels", "NSA/CISA: pod security"],
        rationale: """
            Without an enforce label the Pod Security admission admits every pod (its default is privileged): \
            a tenant can run privileged pods, mount the node's file system and join its namespaces.
            """,
        remediation: """
            Label the namespace pod-security.kubernetes.io/enforce=restricted (baseline at the least) and pin \
            pod-security.kubernetes.io/enforce-version.
            """)

    public init() {}

    /// Judges a Namespace by its own labels: runs at admission too.
    public var scope: RuleScope { .object(kinds: ["Namespace"]) }
    public var reads: Set<ResourceKind> { [.namespaces] }

    func check(namespace: String, in context: AuditContext) -> String? {
        guard let labels = context.inventory.namespaceLabels(namespace) else { return nil }
        guard NamespacePolicy.hasEnforceLabel(labels) else {
            return "namespace '\(namespace)' has no pod-security.kubernetes.io/enforce label: every pod is admitted"
        }
        guard NamespacePolicy(labels: labels).enforce.level == .privileged else { return nil }
        return "namespace '\(namespace)' enforces the privileged Pod Security level: every pod is admitted"
    }
}
