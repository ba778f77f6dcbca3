import RampartModel
import RampartRBAC

/// A permission a risk rule looks for in the roles that bindings grant.
struct Permission: Sendable {
    /// The verb and the resource, as messages show them (`get`, `pods/exec`).
    var verb: String
    var resource: String
    /// True for permissions on cluster-scoped resources, which only ClusterRoleBindings grant.
    var clusterScoped: Bool
    /// Whether one rule of a role grants the permission.
    var isGrantedBy: @Sendable (PolicyRule) -> Bool

    /// The permission to make `request`; `label` defaults to the request's verb and resource.
    static func request(_ verb: String, group: String = "", _ resource: String, subresource: String = "",
                        clusterScoped: Bool = false) -> Permission {
        let request = AccessRequest.resource(verb, group: group, resource, subresource: subresource)
        let target = subresource.isEmpty ? resource : resource + "/" + subresource
        return Permission(verb: verb, resource: target, clusterScoped: clusterScoped) { $0.allows(request) }
    }

    /// Each verb on each resource of one API group.
    static func requests(_ verbs: [String], group: String = "", _ resources: [String], clusterScoped: Bool = false) -> [Permission] {
        resources.flatMap { resource in
            verbs.map { verb in
                let parts = resource.split(separator: "/", maxSplits: 1).map(String.init)
                return request(verb, group: group, parts[0], subresource: parts.count > 1 ? parts[1] : "", clusterScoped: clusterScoped)
            }
        }
    }
}

/// A risk rule that reports every binding that gives a non-system subject one of `permissions`.
/// ClusterRoleBindings to cluster-admin-equivalent roles are left to `rbac.cluster-admin` alone.
/// The finding is on the binding's `roleRef`; its notes name the role rules that grant each
/// permission, and say when the role is the built-in bootstrap definition.
protocol PermissionRule: Rule {
    var permissions: [Permission] { get }
}

extension PermissionRule {
    var reads: Set<ResourceKind> { RBACPolicy.reads }

    func evaluate(in context: AuditContext) -> [Violation] {
        violations(in: context)
    }

    /// The findings of the bindings that `include` keeps (every binding by default).
    func violations(in context: AuditContext, of include: (RBACBinding) -> Bool = { _ in true }) -> [Violation] {
        // What a role gives through one kind of binding is the same for every binding of that kind:
        // by role number, then kind (ClusterRoleBinding second).
        var heldByRole = [HeldPermissions??](repeating: nil, count: 2 * context.reportableRoles)
        var violations: [Violation] = []
        for reportable in context.reportableBindings where include(reportable.binding) {
            guard let role = reportable.role else { continue }
            let binding = reportable.binding
            let clusterWide = binding.kind == .clusterRoleBinding
            if clusterWide, !(self is ClusterAdmin), reportable.grantsEverything {
                continue  // rbac.cluster-admin reports it; every narrower permission would be noise
            }
            let slot = 2 * reportable.roleNumber + (clusterWide ? 1 : 0)
            let found: HeldPermissions?
            if let known = heldByRole[slot] {
                found = known
            } else {
                found = held(through: role, clusterWide: clusterWide)
                heldByRole[slot] = .some(found)
            }
            guard let held = found else { continue }
            let scope = binding.namespace.map { "in namespace \($0)" } ?? "cluster-wide"
            let who = reportable.subjects.map(\.subject.description).joined(separator: ", ")
            violations.append(Violation(
                object: binding.object, path: "roleRef",
                message: "\(binding.reference) gives \(who) \(held.description) \(scope) through \(role.key)",
                notes: held.notes))
        }
        return violations
    }

    /// The permissions `role` gives through a ClusterRoleBinding (`clusterWide`) or a RoleBinding,
    /// described; nil when none.
    private func held(through role: RBACRole, clusterWide: Bool) -> HeldPermissions? {
        let held = permissions.compactMap { permission -> (permission: Permission, rule: Int)? in
            guard clusterWide || !permission.clusterScoped else { return nil }
            return role.rules.firstIndex { permission.isGrantedBy($0.rule) }.map { (permission, $0) }
        }
        guard !held.isEmpty else { return nil }
        // By position in the role: one rule each (hashing positions, not the rules).
        var notes = Self.grouped(held.map { ($0.rule, $0.permission) }).map { position, permissions in
            "rules[\(role.rules[position].index)] of \(role.rules[position].role) grants \(Self.describe(permissions))"
        }
        if role.isBuiltIn { notes.append("\(role.key) is the built-in Kubernetes bootstrap definition (not among the inputs)") }
        return HeldPermissions(description: Self.describe(held.map(\.permission)), notes: notes)
    }

    /// `get,list,watch secrets, create pods/exec`: verbs grouped by resource, in first-seen order.
    static func describe(_ permissions: [Permission]) -> String {
        grouped(permissions.map { ($0.resource, $0.verb) }).map { resource, verbs in
            "\(verbs.joined(separator: ",")) \(resource)"
        }.joined(separator: ", ")
    }

    /// Values grouped by key, keys in first-seen order.
    static func grouped<Key: Hashable, Value>(_ pairs: [(Key, Value)]) -> [(Key, [Value])] {
        var order: [Key] = []
        var values: [Key: [Value]] = [:]
        for (key, value) in pairs {
            if values[key] == nil { order.append(key) }
            values[key, default: []].append(value)
        }
        return order.map { ($0, values[$0] ?? []) }
    }
}

/// What a role gives through one kind of binding: `get,list,watch secrets` and the notes naming the rules.
private struct HeldPermissions {
    var description: String
    var notes: [String]
}
