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
    /// `messages`: the wording of inbound crossings, shared with the other tenants' layers.
    /// `escalations`: the routes out of the tenant (to other tenants, the nodes, cluster-admin), each of
    /// which fails the layer.
    static func evaluate(_ tenant: Tenant, boundary: ControlPlaneBoundary, _ context: TenancyContext,
                         messages: inout CrossingMessages,
                         escalations: (analysis: EscalationAnalysis, routes: [EscalationRoute])) -> LayerBuilder {
        var layer = LayerBuilder(.controlPlane, tenant)
        let members = Set(tenant.namespaces)
        for entry in context.clusterInbound.entries where !(entry.namespace.map(members.contains) ?? false) {
            inbound(entry.crossing, tenant, context, &messages, &layer)
        }
        var operators = context.clusterInbound.operators
        for crossing in boundary.inbound {
            if isClusterWideOperator(crossing) {
                operators.append(crossing)
            } else {
                inbound(crossing, tenant, context, &messages, &layer)
            }
        }
        clusterWideOperators(operators, &messages, &layer)
        for crossing in boundary.outbound {
            outbound(crossing, tenant, context, &layer)
        }
        for route in escalations.routes {
            let path = route.path
            let anchor = escalations.analysis.firstBinding(of: path)
            let steps = path.steps.count == 1 ? "1 step" : "\(path.steps.count) steps"
            layer.limit(to: .none, "escalation path: \(path.from.description) of the tenant can reach \(route.goal) in \(steps): \(path.summary)",
                        anchor?.binding.object, anchor.map { FieldPath("subjects").appending(index: $0.subjectIndex) } ?? FieldPath(),
                        rules: [.crossTenantEscalation])
        }
        if !layer.evidence.contains(where: { $0.status != .pass }) {
            layer.pass("no subject outside the tenant, except platform components, can read or change its namespaces; its service accounts hold no permission outside them, and no chain of steps leads out of it")
        }
        return layer
    }

    /// Who owns a subject: a namespace's owner for service accounts (by kind, group or user name),
    /// the platform for other `system:` components, nobody (nil) for groups that span every tenant.
    static func owner(of subject: Subject, _ context: TenancyContext) -> TenancyContext.Owner? {
        switch ControlPlaneBoundary.membership(of: subject) {
        case .everyone: return nil
        case .serviceAccounts(let namespace): return context.owner(of: namespace)
        case .named: return ownerOfNamed(subject)
        }
    }

    /// Who owns a user or group of its own: the platform for `system:` components, else nobody.
    private static func ownerOfNamed(_ subject: Subject) -> TenancyContext.Owner {
        subject.name.hasPrefix("system:") ? .platform : .unassigned
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

    private static func inbound(_ crossing: Crossing, _ tenant: Tenant, _ context: TenancyContext, _ messages: inout CrossingMessages,
                                _ layer: inout LayerBuilder) {
        let owner = owner(of: crossing.subject, context)
        if case .tenant(tenant.name) = owner { return }
        let object = crossing.binding.object
        let path = subjectPath(crossing)
        let message = messages.message(crossing) { inboundMessage(crossing, owner: owner) }
        switch owner {
        case .platform:
            // The platform's access is expected, not a pass: a note, never green.
            layer.note(message, object, path)
        case .tenant(let other):
            layer.warn(message, object, path, rules: [.gap(.crossTenantAccess)], chargedTo: other)
        case .unassigned, nil:
            if layer.limit(to: .none, message, object, path, rules: [.gap(.outsideAccess)]) {
                layer.report(.outsideAccess(layer.site(object, path), subject: crossing.subject.description, who: whoIs(crossing.subject),
                                            permissions: crossing.summary, namespace: crossing.namespace, grants: crossing.rules))
            }
        }
    }

    /// How many cluster-wide operators one evidence item names before it counts the rest.
    static let namedOperators = 5

    /// Cluster-wide operators are the same in every tenant: one is evidence in full; several are one
    /// item that names the first few (subject, binding, role) and counts the rest, so that a platform
    /// with thousands of tenants and operators does not repeat every operator in every tenant.
    private static func clusterWideOperators(_ crossings: [Crossing], _ messages: inout CrossingMessages, _ layer: inout LayerBuilder) {
        guard let first = crossings.first else { return }
        guard crossings.count > 1 else {
            layer.warn(messages.message(first) { inboundMessage(first, owner: .unassigned) }, first.binding.object, subjectPath(first))
            return
        }
        let named = crossings.prefix(namedOperators).map { "\($0.subject.description) through \($0.binding.reference) (\($0.role))" }
        let rest = crossings.count - named.count
        layer.warn("\(crossings.count) cluster-wide operators (make sure they are the platform team): " + named.joined(separator: "; ")
                   + (rest > 0 ? "; and \(rest) more" : ""), first.binding.object, subjectPath(first))
    }

    /// A ClusterRoleBinding of a user or group of its own: an operator, the platform team's with luck.
    private static func isOperator(_ crossing: Crossing) -> Bool {
        crossing.binding.kind == .clusterRoleBinding && ControlPlaneBoundary.membership(of: crossing.subject) == .named
    }

    /// An operator that is not a platform component (`system:`): counted with the others of its kind.
    static func isClusterWideOperator(_ crossing: Crossing) -> Bool {
        isOperator(crossing) && ownerOfNamed(crossing.subject) == .unassigned
    }

    /// The evidence of an inbound crossing, by who owns its subject (the same in every tenant it enters).
    private static func inboundMessage(_ crossing: Crossing, owner: TenancyContext.Owner?) -> String {
        let text = "\(crossing.subject.description) can \(crossing.summary) \(scope(crossing)) through \(crossing.binding.reference) (\(crossing.role))"
        switch owner {
        case .platform:
            return "platform: " + text
        case .tenant(let other):
            return "tenant \(other): " + text
        case .unassigned where isOperator(crossing):
            return "cluster-wide operator (make sure it is the platform team): " + text
        case .unassigned, nil:
            return "outside subject\(whoIs(crossing.subject).map { " (\($0))" } ?? ""): " + text
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

/// The evidence messages of inbound crossings, each worked out once: a cluster-wide grant is evidence
/// in every tenant (thousands of them on some platforms), and one string serves them all.
struct CrossingMessages {
    private struct Key: Hashable {
        let binding: BindingReference
        let subject: Subject
    }

    private var messages: [Key: String] = [:]

    /// The message of `crossing`, made by `make` the first time.
    mutating func message(_ crossing: Crossing, _ make: () -> String) -> String {
        let key = Key(binding: crossing.binding.reference, subject: crossing.subject)
        if let message = messages[key] { return message }
        let message = make()
        messages[key] = message
        return message
    }
}
