import RampartModel
import RampartRBAC

/// Control plane: outside subjects that can read or change things inside the tenant, and the
/// tenant's service accounts that can act outside it (from the RBAC engine's tenant boundary).
///
/// A grant is charged to the tenant whose objects or subjects make it: a tenant's service account
/// with power in another tenant fails its own tenant; the victim's row shows a warning that points
/// there. Grants to platform components are evidence only. Groups that span tenants (everyone,
/// every authenticated user, every service account) are outside every tenant, even when a RoleBinding
/// of the tenant's own namespace names them.
enum ControlPlaneLayer {
    static func evaluate(_ tenant: Tenant, boundary: ControlPlaneBoundary, _ context: TenancyContext) -> LayerBuilder {
        var layer = LayerBuilder(.controlPlane, tenant)
        for crossing in boundary.inbound {
            inbound(crossing, tenant, context, &layer)
        }
        for crossing in boundary.outbound {
            outbound(crossing, tenant, context, &layer)
        }
        if !layer.evidence.contains(where: { $0.status != .pass }) {
            layer.pass("no subject outside the tenant, except platform components, can read or change its namespaces; its service accounts hold no permission outside them")
        }
        return layer
    }

    /// Who owns a subject: a namespace's owner for service accounts (by kind, group or user name),
    /// the platform for other `system:` components, nobody (nil) for groups that span every tenant.
    static func owner(of subject: Subject, _ context: TenancyContext) -> TenancyContext.Owner? {
        switch ControlPlaneBoundary.membership(of: subject) {
        case .everyone: return nil
        case .serviceAccounts(let namespace): return context.owner(of: namespace)
        case .named: return subject.name.hasPrefix("system:") ? .platform : .unassigned
        }
    }

    /// Who a group that spans every tenant is.
    static func whoIs(_ subject: Subject) -> String? {
        switch subject.name {
        case "system:unauthenticated", "system:anonymous": "anyone who reaches the API server, without credentials"
        case "system:authenticated": "every authenticated user, other tenants' included"
        case "system:serviceaccounts": "every service account of every namespace"
        default: nil
        }
    }

    private static func scope(_ crossing: Crossing) -> String {
        crossing.namespace.map { "in namespace \($0)" } ?? "cluster-wide"
    }

    private static func inbound(_ crossing: Crossing, _ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let object = crossing.binding.object
        let path = subjectPath(crossing)
        let text = "\(crossing.subject.description) can \(crossing.summary) \(scope(crossing)) through \(crossing.binding.reference) (\(crossing.role))"
        switch owner(of: crossing.subject, context) {
        case .platform:
            layer.pass("platform: " + text, object, path)
        case .tenant(let other) where other != tenant.name:
            layer.warn("tenant \(other): " + text, object, path, rules: [.gap(.crossTenantAccess)], chargedTo: other)
        case .tenant:
            break
        case .unassigned where crossing.binding.kind == .clusterRoleBinding && ControlPlaneBoundary.membership(of: crossing.subject) == .named:
            layer.warn("cluster-wide operator (make sure it is the platform team): " + text, object, path)
        case .unassigned, nil:
            let who = whoIs(crossing.subject).map { " (\($0))" } ?? ""
            if layer.limit(to: .none, "outside subject\(who): " + text, object, path, rules: [.gap(.outsideAccess)]) {
                layer.report(.outsideAccess(layer.site(object, path), subject: crossing.subject.description, who: whoIs(crossing.subject),
                                            permissions: crossing.summary, namespace: crossing.namespace, grants: crossing.rules))
            }
        }
    }

    private static func outbound(_ crossing: Crossing, _ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let object = crossing.binding.object
        let path = subjectPath(crossing)
        var target = scope(crossing)
        if let namespace = crossing.namespace, case .tenant(let other) = context.owner(of: namespace) {
            target += " (tenant \(other))"
        }
        var text = "\(crossing.subject.description) of the tenant can \(crossing.summary) \(target) through \(crossing.binding.reference) (\(crossing.role))"
        if crossing.kinds.contains(.listNamespaces) { text += "; listing namespaces reveals every tenant's name" }
        if layer.limit(to: .none, text, object, path, rules: [.gap(.crossTenantAccess)]) {
            layer.report(.crossTenantAccess(layer.site(object, path), subject: crossing.subject.description, permissions: crossing.summary,
                                            target: target, grants: crossing.rules))
        }
    }

    private static func subjectPath(_ crossing: Crossing) -> FieldPath {
        guard let index = crossing.binding.subjects.first(where: { $0.subject == crossing.subject })?.index else { return "subjects" }
        return FieldPath("subjects").appending(index: index)
    }
}
