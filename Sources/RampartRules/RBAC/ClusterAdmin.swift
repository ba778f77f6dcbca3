import RampartModel
import RampartRBAC

/// `rbac.cluster-admin`: a ClusterRoleBinding gives a non-system subject every verb on every resource.
struct ClusterAdmin: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.cluster-admin",
        title: "cluster-admin (or */*/*) granted cluster-wide to a non-system subject",
        severity: .critical,
        layer: .controlPlane,
        standards: ["CIS 5.1.1", "NSA/CISA: RBAC least privilege", "MITRE ATT&CK: Cluster-admin binding"],
        rationale: "Every verb on every resource in every namespace is full control of the cluster and of every tenant in it: secrets, workloads, RBAC, admission webhooks.",
        remediation: "Bind cluster-admin only to break-glass identities; give people and controllers roles with the verbs and resources they need, in the namespaces they need.")

    let permissions = [Permission(verb: "every verb", resource: "on every resource of every API group", clusterScoped: true,
                                  isGrantedBy: isFullAccess)]

    /// True for a rule that allows every resource request: `*` verbs, groups and resources, no names.
    @Sendable static func isFullAccess(_ rule: PolicyRule) -> Bool {
        rule.verbs.contains(PolicyRule.all) && rule.apiGroups.contains(PolicyRule.all)
            && rule.resources.contains(PolicyRule.all) && rule.resourceNames.isEmpty
    }
}
