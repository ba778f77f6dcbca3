import RampartModel
import RampartRBAC

/// The reportable bindings that let their subjects create ResourceClaims or ResourceClaimTemplates,
/// and those that let them rewrite namespaces' labels (see `NamespaceRelabelling`), each with where
/// it holds: one pass over the bindings, each role's rules read once. ClusterRoleBindings to
/// cluster-admin-equivalent roles are left to `rbac.cluster-admin`, as permission rules leave them.
struct DeviceClaimGrants {
    /// What one binding grants, and where.
    struct Grant {
        let reportable: ReportableBinding
        /// The namespaces the grant holds in; nil: every namespace.
        let namespaces: Set<String>?
        /// `create resourceclaims`, `update namespaces`.
        let permission: String
        /// The role rule that grants it.
        let rule: RBACRole.SourcedRule

        /// The role the binding names (the rule may be aggregated into it from another).
        var roleKey: RoleKey { reportable.role?.key ?? rule.role }
        var scope: String { reportable.binding.namespace.map { "in namespace \($0)" } ?? "cluster-wide" }
        var who: String { reportable.subjects.map(\.subject.description).joined(separator: ", ") }
        var note: String { "rules[\(rule.index)] of \(rule.role) grants \(permission)" }
    }

    /// Grants to create claims, in policy order.
    let creators: [Grant]
    /// Grants to rewrite namespaces' labels, in policy order.
    let relabellers: [Grant]
    /// `creators` by each subject they name.
    let creatorsBySubject: [Subject: [Grant]]
    /// The namespaces among the inputs that tenants use.
    let tenantNamespaces: Set<String>

    init(_ context: AuditContext) {
        var creators: [Grant] = []
        var relabellers: [Grant] = []
        var held: [RoleKey: Held] = [:]
        for reportable in context.reportableBindings {
            guard let role = reportable.role,
                  reportable.binding.kind != .clusterRoleBinding || !reportable.grantsEverything  // rbac.cluster-admin's
            else { continue }
            let found = held[role.key] ?? Held(role)
            held[role.key] = found
            let own = reportable.binding.namespace
            if let (rule, permission) = found.creation, own.map(context.isTenantNamespace) ?? true {
                creators.append(Grant(reportable: reportable, namespaces: own.map { [$0] }, permission: permission, rule: rule))
            }
            let relabelled = found.relabels.map { NamespaceRelabelling.namespaces(of: $0.0.rule, bindingNamespace: own) }
            if let first = relabelled.firstIndex(where: { $0?.isEmpty != true }) {
                let namespaces = relabelled.contains { $0 == nil } ? nil : relabelled.reduce(into: Set<String>()) { $0.formUnion($1 ?? []) }
                let (rule, permission) = found.relabels[first]
                relabellers.append(Grant(reportable: reportable, namespaces: namespaces, permission: permission, rule: rule))
            }
        }
        self.creators = creators
        self.relabellers = relabellers
        var bySubject: [Subject: [Grant]] = [:]
        for creator in creators {
            for bound in creator.reportable.subjects { bySubject[bound.subject, default: []].append(creator) }
        }
        creatorsBySubject = bySubject
        tenantNamespaces = Set(context.inventory.namespaceNames.filter(context.isTenantNamespace))
    }

    /// The first rule of a role that allows creating claims (or claim templates), and every rule
    /// that relabels namespaces, with the permission each grants.
    private struct Held {
        var creation: (RBACRole.SourcedRule, String)?
        var relabels: [(RBACRole.SourcedRule, String)] = []

        init(_ role: RBACRole) {
            for sourced in role.rules {
                if creation == nil, let permission = DeviceAdminClaim.claimCreation.first(where: { $0.isGrantedBy(sourced.rule) }) {
                    creation = (sourced, "\(permission.verb) \(permission.resource)")
                }
                if let permission = NamespaceRelabelling.permission(of: sourced.rule) {
                    relabels.append((sourced, permission))
                }
            }
        }
    }
}
