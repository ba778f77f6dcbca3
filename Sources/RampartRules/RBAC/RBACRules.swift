/// The RBAC rule family, in catalog order. Rules look at bindings through the RBAC engine and skip
/// system components (see `AuditContext.reportableSubjects`) and the bootstrap policy's own objects.
public enum RBACRules {
    public static let all: [any Rule] = [
        ClusterAdmin(),
        NodesProxy(),
        Impersonate(),
        SecretsRead(),
        PodExec(),
        EscalateBind(),
        TokenCreate(),
        CSRApproval(),
        WebhookConfigWrite(),
        BroadGroup(),
        PodCreate(),
        WildcardRules(),
        RBACWrite(),
        CRDWrite(),
        PVCreate(),
        DeviceAdminClaim(),
        ResourceClaimBinding(),
        ResourceClaimDriverStatus(),
        NamespaceList(),
        DefaultServiceAccount(),
        CrossNamespaceSubject(),
        MissingRole(),
        UnboundDangerousRole(),
        EscalationPath(),
        CrossTenantEscalation(),
    ]
}
