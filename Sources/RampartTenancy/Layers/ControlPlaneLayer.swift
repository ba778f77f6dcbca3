import RampartModel
import RampartRBAC

/// Control plane: outside subjects that can read or change things inside the tenant, and the
/// tenant's service accounts that can act outside it (from the RBAC engine's tenant boundary).
///
/// A grant is charged to the tenant whose objects or subjects make it: a tenant's service account
/// with power in another tenant fails its own tenant; the victim's row shows a warning that points
/// there. Grants to platform components are evidence only.
enum ControlPlaneLayer {
    static let everyone: Set<String> = ["system:authenticated", "system:unauthenticated", "system:serviceaccounts", "system:anonymous"]

    static func evaluate(_ tenant: Tenant, boundary: TenantBoundary, _ context: TenancyContext) -> LayerBuilder {
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

    /// Who owns a subject: a namespace's owner for service accounts, the platform for `system:` components.
    static func owner(of subject: Subject, _ context: TenancyContext) -> TenancyContext.Owner? {
        if everyone.contains(subject.name) { return nil }
        if subject.kind == .serviceAccount, let namespace = subject.namespace { return context.owner(of: namespace) }
        if subject.kind == .group, subject.name.hasPrefix("system:serviceaccounts:") {
            return context.owner(of: String(subject.name.dropFirst("system:serviceaccounts:".count)))
        }
        if subject.name.hasPrefix("system:") { return .platform }
        return .unassigned
    }

    private static func scope(_ crossing: BoundaryCrossing) -> String {
        crossing.namespace.map { "in namespace \($0)" } ?? "cluster-wide"
    }

    private static func inbound(_ crossing: BoundaryCrossing, _ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let object = crossing.binding.object
        let path = subjectPath(crossing)
        let text = "\(crossing.subject.description) can \(crossing.summary) \(scope(crossing)) through \(crossing.binding.reference) (\(crossing.role))"
        switch owner(of: crossing.subject, context) {
        case .platform:
            layer.pass("platform: " + text, object, path)
        case .tenant(let other) where other != tenant.name:
            layer.warn("tenant \(other): " + text, object, path, rules: ["tenancy.cross-tenant-access"], chargedTo: other)
        case .tenant:
            break
        case .unassigned where crossing.binding.kind == .clusterRoleBinding && crossing.subject.kind != .serviceAccount:
            layer.warn("cluster-wide operator (make sure it is the platform team): " + text, object, path)
        case .unassigned, nil:
            if layer.limit(to: .none, "outside subject: " + text, object, path, rules: ["tenancy.outside-access"]) {
                layer.gap("tenancy.outside-access", object, path,
                          "\(crossing.subject.description), outside tenant \(tenant.name), can \(crossing.summary) \(scope(crossing)) in its namespaces",
                          notes: crossing.rules)
            }
        }
    }

    private static func outbound(_ crossing: BoundaryCrossing, _ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let object = crossing.binding.object
        let path = subjectPath(crossing)
        var target = scope(crossing)
        if let namespace = crossing.namespace, case .tenant(let other) = context.owner(of: namespace) {
            target += " (tenant \(other))"
        }
        var text = "\(crossing.subject.description) of the tenant can \(crossing.summary) \(target) through \(crossing.binding.reference) (\(crossing.role))"
        if crossing.kinds.contains(.listNamespaces) { text += "; listing namespaces reveals every tenant's name" }
        if layer.limit(to: .none, text, object, path, rules: ["tenancy.cross-tenant-access"]) {
            layer.gap("tenancy.cross-tenant-access", object, path,
                      "\(crossing.subject.description) of tenant \(tenant.name) can \(crossing.summary) \(target)", notes: crossing.rules)
        }
    }

    private static func subjectPath(_ crossing: BoundaryCrossing) -> FieldPath {
        guard let index = crossing.binding.subjects.first(where: { $0.subject == crossing.subject })?.index else { return "subjects" }
        return FieldPath("subjects").appending(index: index)
    }
}
