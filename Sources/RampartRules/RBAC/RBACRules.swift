/// The RBAC rule family, in catalog order. Rules look at bindings through the RBAC engine and skip
/// system components (see `AuditContext.reportableSubjects`) and the bootstrap policy's own objects.
public enum RBACRules {
    public static let all: [any Rule] = members.map(\.rule)

    /// The rules that report the bindings granting a permission, in catalog order (known from the
    /// listing: a dynamic cast of every rule would scan the binary's conformance records for each).
    static let permissionRules: [any PermissionRule] = members.compactMap(\.permissionRule)

    /// One rule of the family, marked when it reports a permission.
    enum Member {
        case permission(any PermissionRule)
        case other(any Rule)

        var rule: any Rule {
            switch self {
            case .permission(let rule): rule
            case .other(let rule): rule
            }
        }

        var permissionRule: (any PermissionRule)? {
            if case .permission(let rule) = self { return rule }
            return nil
        }
    }

    /// The family in catalog order.
    static let members: [Member] = [
        .permission(ClusterAdmin()),
        .permission(NodesProxy()),
        .permission(Impersonate()),
        .permission(SecretsRead()),
        .permission(PodExec()),
        .permission(EscalateBind()),
        .permission(TokenCreate()),
        .permission(CSRApproval()),
        .permission(WebhookConfigWrite()),
        .other(BroadGroup()),
        .permission(PodCreate()),
        .other(WildcardRules()),
        .permission(RBACWrite()),
        .permission(CRDWrite()),
        .permission(PVCreate()),
        .other(DeviceAdminClaim()),
        .permission(ResourceClaimBinding()),
        .permission(ResourceClaimDriverStatus()),
        .permission(NamespaceList()),
        .other(DefaultServiceAccount()),
        .other(CrossNamespaceSubject()),
        .other(MissingRole()),
        .permission(UnboundDangerousRole()),
        .other(EscalationPath()),
        .other(CrossTenantEscalation()),
    ]
}
