import RampartModel

/// `rbac.webhook-config-write`: a ClusterRoleBinding lets a non-system subject change admission webhooks.
struct WebhookConfigWrite: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.webhook-config-write",
        title: "Write admission webhook configurations",
        severity: .high,
        layer: .controlPlane,
        standards: ["CIS 5.1.12", "NSA/CISA: RBAC least privilege"],
        rationale: "An admission webhook sees, and if mutating rewrites, every object it selects (Secrets included) before it is stored; deleting one switches a policy off.",
        remediation: "Only the platform's deployment pipeline should write webhook configurations.")

    let permissions = Permission.requests(["create", "update", "patch", "delete"], group: "admissionregistration.k8s.io",
                                          ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"], clusterScoped: true)
}
