import RampartModel

/// The RBAC objects of an inventory, indexed for the authorizer: roles with their effective
/// (aggregated) rules, ClusterRoleBindings, and RoleBindings by namespace. Built once, then queried
/// by `authorize`, `subjects(allowedTo:)`, `rules(for:namespace:)` and the risk rules.
///
/// Roles of the Kubernetes bootstrap policy that are not among the inputs are added as built-in
/// roles (unless disabled), so that bindings to `view`, `edit`, `system:auth-delegator`… resolve.
/// Only roles are added, never bindings: the inputs say who is bound to what.
public struct RBACPolicy: Sendable {
    /// The API group of RBAC objects; objects of other groups with the same kinds are ignored.
    public static let group = "rbac.authorization.k8s.io"

    /// Every role by key, with its effective rules.
    public let roles: [RoleKey: RBACRole]
    /// ClusterRoleBindings sorted by name.
    public let clusterRoleBindings: [RBACBinding]
    /// RoleBindings by namespace, each list sorted by name.
    private let roleBindingsByNamespace: [String: [RBACBinding]]
    /// Every binding: ClusterRoleBindings, then RoleBindings by namespace and name (stored: every
    /// risk rule walks it).
    public let bindings: [RBACBinding]

    public init(inventory: Inventory, builtInRoles: Bool = true) {
        var roles: [RoleKey: RBACRole] = [:]
        if builtInRoles {
            for role in BootstrapPolicy.rbacRoles { roles[role.key] = role }
        }
        // Roles and bindings are read on every core (in input order: a later duplicate wins).
        for role in Self.read(["ClusterRole", "Role"], inventory, RBACRole.init) {
            if let role { roles[role.key] = role }
        }
        RoleAggregation.resolve(&roles)
        self.roles = roles

        var byReference: [BindingReference: RBACBinding] = [:]
        for binding in Self.read(["ClusterRoleBinding", "RoleBinding"], inventory, RBACBinding.init) {
            if let binding { byReference[binding.reference] = binding }
        }
        // Grouped first, then sorted by name: cheaper than comparing whole references.
        let byName = { (left: RBACBinding, right: RBACBinding) in left.name < right.name }
        let cluster = byReference.values.filter { $0.kind == .clusterRoleBinding }.sorted(by: byName)
        let byNamespace = Dictionary(grouping: byReference.values.filter { $0.kind == .roleBinding }) { $0.namespace ?? "" }
            .mapValues { $0.sorted(by: byName) }
        clusterRoleBindings = cluster
        roleBindingsByNamespace = byNamespace
        bindings = cluster + byNamespace.keys.sorted().flatMap { byNamespace[$0] ?? [] }
    }

    /// The objects of `kinds` (in that order, each in input order) read by `read`, on every core.
    private static func read<Read: Sendable>(_ kinds: [String], _ inventory: Inventory,
                                             _ read: @escaping @Sendable (KubeObject) -> Read?) -> [Read?] {
        kinds.flatMap { inventory.objects(ofKind: $0, group: group) }.concurrentMap(chunk: readChunk, scratch: { () }) { object, _ in read(object) }
    }

    /// Objects per unit of parallel reading.
    private static let readChunk = 256

    /// The RoleBindings of `namespace`, sorted by name.
    public func roleBindings(in namespace: String) -> [RBACBinding] {
        roleBindingsByNamespace[namespace] ?? []
    }


    /// The bindings the authorizer consults for a request in `namespace`: every ClusterRoleBinding,
    /// and the namespace's RoleBindings unless `namespace` is `""` (a cluster-scoped request).
    public func bindings(applyingIn namespace: String) -> [RBACBinding] {
        namespace.isEmpty ? clusterRoleBindings : clusterRoleBindings + roleBindings(in: namespace)
    }

    /// The role a binding grants, or why it grants nothing.
    public func role(of binding: RBACBinding) -> RoleResolution {
        guard let key = binding.roleKey else { return .invalidReference }
        guard let role = roles[key] else { return .missing(key) }
        return .resolved(role)
    }

    /// Bindings whose role cannot be found (neither among the inputs nor built in) or whose
    /// `roleRef.kind` is invalid. They grant nothing, but would grant as soon as such a role appears.
    public var unresolvedBindings: [UnresolvedBinding] {
        bindings.compactMap(unresolved)
    }

    /// The problem with `binding`'s role reference, if it has one.
    public func unresolved(_ binding: RBACBinding) -> UnresolvedBinding? {
        switch role(of: binding) {
        case .resolved: return nil
        case .missing(let key): return UnresolvedBinding(binding: binding.reference, role: key,
                                                         reason: "\(key) is not among the inputs and is not a built-in role")
        case .invalidReference: return UnresolvedBinding(binding: binding.reference, role: nil,
                                                         reason: "roleRef.kind '\(binding.roleRefKind)' is not valid for a \(binding.kind.rawValue)")
        }
    }
}

/// What a binding's `roleRef` resolves to.
public enum RoleResolution: Sendable {
    case resolved(RBACRole)
    /// The role is neither among the inputs nor built in.
    case missing(RoleKey)
    /// `roleRef.kind` is not `ClusterRole` (or `Role`, for a RoleBinding).
    case invalidReference
}

/// A binding that grants nothing because its role cannot be resolved.
public struct UnresolvedBinding: Sendable, Hashable, Codable {
    public var binding: BindingReference
    /// The role it refers to; nil when the reference itself is invalid.
    public var role: RoleKey?
    public var reason: String
}
