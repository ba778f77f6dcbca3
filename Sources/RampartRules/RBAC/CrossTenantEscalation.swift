import RampartModel
import RampartRBAC
import RampartTenancy

/// `rbac.cross-tenant-escalation`: some subject of a tenant can reach another tenant, the nodes or
/// cluster-admin by a chain of steps. One finding per tenant and goal, on the binding of the first step;
/// paths that differ only in the tenant they reach are one finding (`EscalationRoute`).
struct CrossTenantEscalation: Rule {
    let metadata = RuleMetadata(
        id: "rbac.cross-tenant-escalation",
        title: "Escalation path out of a tenant",
        severity: .high,
        layer: .tenancy,
        standards: ["NSA/CISA: RBAC least privilege", "MITRE ATT&CK: Privilege escalation"],
        rationale: "A tenant's service accounts and its own users chain permissions into other tenants: pods run as any account of their namespace, namespace label writes (including namespaces/status and namespaces/finalize) turn off Pod Security or adopt a namespace into another tenant, and controllers such as Argo CD, Flux and Capsule apply what the tenant asks with their own, larger power. Each such chain breaks the tenant boundary however tight each grant looks alone.",
        remediation: "Cut the path at the binding shown (rampart rbac paths --all-tenants --cut lists the fewest bindings that cut every path): no namespace writes for tenants, AppProjects whose destinations stay in the tenant and admit no cluster resources, Flux with --default-service-account, Capsule 0.13 or later.")

    var reads: Set<ResourceKind> { RBACPolicy.reads }

    func evaluate(in context: AuditContext) -> [Violation] {
        let escalations = context.tenantEscalations
        return escalations.routes.compactMap { route in
            let path = route.path
            guard let (binding, index) = escalations.analysis.firstBinding(of: path), !binding.isBootstrapObject else { return nil }
            let steps = path.steps.count == 1 ? "1 step" : "\(path.steps.count) steps"
            return Violation(object: binding.object, path: FieldPath([.key("subjects"), .index(index)]),
                             message: "\(route.pair): \(path.from.description) can reach \(route.goal) in \(steps): \(path.summary)",
                             notes: path.steps.enumerated().map { "\($0 + 1). \($1.explanation)" })
        }
    }
}

extension AuditContext {
    /// The routes out of every tenant of the audit's tenancy model, worked out once for this rule and
    /// the tenancy control-plane layer.
    var tenantEscalations: TenantEscalations {
        shared(TenantEscalations.self) { inventory in
            TenantEscalations(policy: rbacPolicy, inventory: inventory,
                              assignment: tenancyModel.assignment(inventory, platform: settings.platformNamespaces))
        }
    }
}
