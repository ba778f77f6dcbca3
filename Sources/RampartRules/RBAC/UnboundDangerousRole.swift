import RampartModel
import RampartRBAC

/// `rbac.unbound-dangerous-role`: a Role or ClusterRole that grants what the high and critical
/// permission rules look for, and that no binding among the inputs uses yet.
public struct UnboundDangerousRole: PermissionRule {
    public let metadata = RuleMetadata(
        id: "rbac.unbound-dangerous-role",
        title: "Role grants dangerous permissions and nothing binds it yet",
        severity: .low, layer: .controlPlane,
        standards: ["CIS 5.1.1", "NSA/CISA: authentication and authorization"],
        rationale: """
            A role that holds secrets, exec, impersonation or escalation rights is a loaded gun: nobody \
            has it today, but whoever may create bindings (a namespace admin in a RoleBinding, a \
            controller, the next chart) hands it out with one object, and the review of that binding \
            rarely looks at what the role grants.
            """,
        remediation: "Delete the role if nothing needs it, or narrow its rules to what its future subjects need.")

    public init() {}

    public var reads: Set<ResourceKind> { RBACPolicy.reads }

    /// The permissions of the high and critical permission rules.
    static let dangerous: [Permission] = RBACRules.permissionRules
        .filter { $0.metadata.severity >= .high }.flatMap(\.permissions)

    var permissions: [Permission] { Self.dangerous }

    public func evaluate(in context: AuditContext) -> [Violation] {
        let policy = context.rbacPolicy
        let bound = Set(policy.bindings.compactMap(\.roleKey))
        let selectors = policy.roles.values.flatMap { $0.aggregationSelectors ?? [] }
        return policy.roles.values.sorted { $0.key < $1.key }.compactMap { role in
            guard let object = role.object, !bound.contains(role.key), !role.key.name.hasPrefix("system:"),
                  !selectors.contains(where: { $0.matches(role.labels) }) else { return nil }
            let grants = permissions.filter { permission in
                (role.key.kind == .clusterRole || !permission.clusterScoped) && role.rules.contains { permission.isGrantedBy($0.rule) }
            }
            guard !grants.isEmpty else { return nil }
            return Violation(object: object, path: "rules",
                             message: "\(role.key) grants \(Self.describe(grants)), and no binding among the inputs uses it")
        }
    }
}
