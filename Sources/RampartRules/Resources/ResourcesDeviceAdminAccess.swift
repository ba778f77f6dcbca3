import RampartModel

/// `resources.device-admin-access`: a tenant namespace labelled `resource.kubernetes.io/admin-access: "true"`,
/// where whoever may create ResourceClaims or ResourceClaimTemplates may ask for admin access to
/// devices (Dynamic Resource Allocation, KEP-5018: beta and on by default from Kubernetes 1.34).
public struct ResourcesDeviceAdminAccess: ObjectRule {
    public let metadata = RuleMetadata(
        id: "resources.device-admin-access",
        title: "Tenant namespace may claim admin access to every device",
        severity: .high, layer: .node,
        standards: ["NSA/CISA: multi-tenancy", "Kubernetes: DRA admin access (KEP-5018)"],
        rationale: """
            The API server lets a ResourceClaim or ResourceClaimTemplate request `adminAccess` only in namespaces \
            labelled `resource.kubernetes.io/admin-access: "true"`. Such a claim is allocated devices that are already \
            in use and ignores every ordinary claim to them: a pod of the tenant reaches the GPUs and other devices \
            of every tenant on a shared node, with the driver's extra permissions. The label belongs on the platform's \
            monitoring namespaces, never on a tenant's.
            """,
        remediation: """
            Remove the label from the tenant namespace and run device monitoring from a platform namespace; \
            list that namespace in `platformNamespaces` of the configuration.
            """)

    public let kinds = ["Namespace"]

    /// The namespace label that allows admin-access claims, and the value that turns it on (case-sensitive).
    public static let label = "resource.kubernetes.io/admin-access"

    public init() {}

    public func evaluate(_ object: KubeObject, in context: AuditContext) -> [Violation] {
        guard object.reference.group.isEmpty, context.isTenantNamespace(object.name),
              object.root["metadata"]?["labels"]?[Self.label]?.string == "true" else { return [] }
        return [Violation(object: object, path: FieldPath("metadata.labels").appending(Self.label),
                          message: "namespace \(object.name) is labelled \(Self.label)=true: its ResourceClaims may take admin access to devices that other tenants' pods use")]
    }
}
