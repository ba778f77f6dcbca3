/// An RBAC-heavy cluster: exactly `roles` roles and `bindings` bindings over tenants' namespaces,
/// shaped like a large shared cluster: mostly namespaced Roles and RoleBindings to groups, users and
/// service accounts, a fifth ClusterRoles (some aggregated), bindings to the built-in view, edit and
/// admin, a few legacy token Secrets, and planted escalations (pod creation where powerful accounts
/// live, impersonation, bind, secret reads across tenants).
struct RBACPlan {
    var roles: Int
    var bindings: Int
    /// With a count, exactly that many tenants share the namespaces round-robin (`tenant-K`), and the
    /// planted rules include the escalations across tenants (namespace label writes, Argo CD Applications).
    var tenants: Int? = nil
}

extension ClusterGenerator {
    private static let rbacAPI = "rbac.authorization.k8s.io/v1"
    private static let resourcesByGroup: [(group: String, resources: [String])] = [
        ("", ["pods", "pods/log", "services", "configmaps", "persistentvolumeclaims", "events", "endpoints", "serviceaccounts"]),
        ("apps", ["deployments", "statefulsets", "daemonsets", "replicasets", "deployments/scale"]),
        ("batch", ["jobs", "cronjobs"]),
        ("networking.k8s.io", ["ingresses", "networkpolicies"]),
        ("monitoring.coreos.com", ["servicemonitors", "prometheusrules"]),
        ("cert-manager.io", ["certificates", "issuers"]),
    ]
    private static let verbSets = [["get", "list", "watch"], ["get", "list", "watch"], Vocabulary.verbs, ["create", "update", "patch"], ["*"]]
    private static let riskyRules: [YAMLValue] = [
        ["apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]],
        ["apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create"]],
        ["apiGroups": [""], "resources": ["serviceaccounts/token"], "verbs": ["create"]],
        ["apiGroups": [""], "resources": ["serviceaccounts"], "verbs": ["impersonate"]],
        ["apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings"], "verbs": ["create"]],
        ["apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["bind"]],
    ]

    private static let tenantRiskyRules: [YAMLValue] = [
        ["apiGroups": [""], "resources": ["namespaces/status"], "verbs": ["patch"]],
        ["apiGroups": [""], "resources": ["namespaces"], "verbs": ["update"]],
        ["apiGroups": ["argoproj.io"], "resources": ["applications"], "verbs": ["create"]],
    ]

    /// Namespaces, service accounts, roles and bindings until both counts are reached.
    mutating func runRBAC(_ plan: RBACPlan) {
        let namespaces = rbacNamespaces(count: max(4, plan.roles / 25), tenants: plan.tenants)
        let clusterRoles = plan.roles / 5
        let risky = plan.tenants == nil ? Self.riskyRules : Self.riskyRules + Self.tenantRiskyRules
        for index in 0..<clusterRoles { rbacClusterRole(index, aggregated: index % 10 == 0, risky: risky) }
        for index in 0..<(plan.roles - clusterRoles) { rbacRole(index, in: namespaces[index % namespaces.count].name, risky: risky) }
        if let tenants = plan.tenants { argoProjects(tenants) }
        let clusterBindings = plan.bindings / 10
        for index in 1..<max(1, clusterBindings) {  // the first is kube-system's operator, bound to cluster-admin
            rbacBinding("crb-\(index)", namespace: nil, roleKind: "ClusterRole", role: clusterRoleName(rng.int(0...clusterRoles - 1)),
                        subjects: rbacSubjects(namespaces))
        }
        let namespacedRoles = plan.roles - clusterRoles
        let rolesPerNamespace = max(1, namespacedRoles / namespaces.count)
        for index in 0..<(plan.bindings - max(1, clusterBindings)) {
            let home = index % namespaces.count
            let role = rng.int(0...rolesPerNamespace - 1) * namespaces.count + home
            let (kind, name) = rng.chance(0.6) && role < namespacedRoles
                ? ("Role", "role-\(role)")
                : ("ClusterRole", rng.chance(0.5) ? rng.pick(["view", "edit", "admin"]) : clusterRoleName(rng.int(0...clusterRoles - 1)))
            rbacBinding("rb-\(index)", namespace: namespaces[home].name, roleKind: kind, role: name,
                        subjects: rbacSubjects(namespaces, home: namespaces[home]))
        }
        sink.flush()
    }

    private struct RBACNamespace {
        var name: String
        var tenant: String
    }

    private mutating func rbacNamespaces(count: Int, tenants: Int?) -> [RBACNamespace] {
        var namespaces = [RBACNamespace(name: "kube-system", tenant: "platform")]
        var tenant = 0
        if let tenants {
            for index in 1..<max(2, count) { namespaces.append(RBACNamespace(name: "tenant-\((index - 1) % tenants)-ns-\(index)", tenant: "tenant-\((index - 1) % tenants)")) }
        }
        while namespaces.count < count {
            let name = Self.name(rng.chance(0.25) ? Vocabulary.customerWords : Vocabulary.tenantWords, tenant)
            for suffix in Vocabulary.namespaceSuffixes.prefix(rng.int(1...3)) where namespaces.count < count {
                namespaces.append(RBACNamespace(name: "\(name)-\(suffix)", tenant: name))
            }
            tenant += 1
        }
        for namespace in namespaces {
            sink.emit(object("v1", "Namespace", metadata(namespace.name, namespace: nil, labels: [("rampart.dev/tenant", namespace.tenant)]), []))
            for account in ["default", "deployer", "operator"] {
                sink.emit(object("v1", "ServiceAccount", metadata(account, namespace: namespace.name), []))
            }
            if rng.chance(0.1) {
                sink.emit(object("v1", "Secret", metadata("operator-token", namespace: namespace.name,
                                                          annotations: [("kubernetes.io/service-account.name", "operator")]),
                                 [("type", "kubernetes.io/service-account-token")]))
            }
        }
        rbacBinding("kube-system-operator", namespace: nil, roleKind: "ClusterRole", role: "cluster-admin",
                    subjects: [["kind": "ServiceAccount", "name": "operator", "namespace": "kube-system"]])
        return namespaces
    }

    private func clusterRoleName(_ index: Int) -> String { "cluster-role-\(index)" }

    /// One Argo CD AppProject per tenant, in kube-system, accepting the tenant's Applications; every
    /// tenth also deploys to the next tenant's namespaces (a glob that is too wide).
    private mutating func argoProjects(_ tenants: Int) {
        for tenant in 0..<tenants {
            let destination = tenant % 10 == 0 ? "tenant-*" : "tenant-\(tenant)-ns-*"
            sink.emit(object("argoproj.io/v1alpha1", "AppProject", metadata("tenant-\(tenant)", namespace: "kube-system"), [
                ("spec", ["sourceNamespaces": [.string("tenant-\(tenant)-ns-*")],
                          "destinations": [["server": "https://kubernetes.default.svc", "namespace": .string(destination)]]]),
            ]))
        }
    }

    private mutating func rbacRules(_ risky: [YAMLValue]) -> YAMLValue {
        var rules: [YAMLValue] = (0..<rng.int(1...6)).map { _ in
            let (group, resources) = rng.pick(Self.resourcesByGroup)
            var rule: [(String, YAMLValue?)] = [
                ("apiGroups", [.string(group)]),
                ("resources", .sequence(resources.filter { _ in rng.chance(0.5) }.map { .string($0) } + [.string(resources[0])])),
                ("verbs", .sequence(rng.pick(Self.verbSets).map { .string($0) })),
            ]
            if rng.chance(0.05) { rule.append(("resourceNames", [.string("name-\(rng.int(1...50))")])) }
            return .map(rule)
        }
        if rng.chance(0.03) { rules.append(rng.pick(risky)) }
        return .sequence(rules)
    }

    private mutating func rbacClusterRole(_ index: Int, aggregated: Bool, risky: [YAMLValue]) {
        let name = clusterRoleName(index)
        let labels = [("rbac.example.com/aggregate-to-\(index / 10 * 10)", "true")]
        if aggregated {
            sink.emit(object(Self.rbacAPI, "ClusterRole", metadata(name, namespace: nil), [
                ("aggregationRule", ["clusterRoleSelectors": [["matchLabels": .strings(labels)]]]),
                ("rules", .sequence([])),
            ]))
        } else {
            sink.emit(object(Self.rbacAPI, "ClusterRole", metadata(name, namespace: nil, labels: labels), [("rules", rbacRules(risky))]))
        }
    }

    private mutating func rbacRole(_ index: Int, in namespace: String, risky: [YAMLValue]) {
        sink.emit(object(Self.rbacAPI, "Role", metadata("role-\(index)", namespace: namespace), [("rules", rbacRules(risky))]))
    }

    /// One to three subjects: the tenant's groups and users, its service accounts, now and then another namespace's.
    private mutating func rbacSubjects(_ namespaces: [RBACNamespace], home: RBACNamespace? = nil) -> [YAMLValue] {
        (0..<rng.int(1...3)).map { _ in
            let namespace = home.flatMap { rng.chance(0.95) ? $0 : nil } ?? rng.pick(namespaces)
            switch rng.int(0...9) {
            case 0...3: return ["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": .string(namespace.tenant + ":" + rng.pick(["developers", "ops", "readers"]))]
            case 4...6: return ["apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": .string("user-\(rng.int(1...2000))@example.com")]
            default: return ["kind": "ServiceAccount", "name": .string(rng.pick(["default", "deployer", "operator"])), "namespace": .string(namespace.name)]
            }
        }
    }

    private mutating func rbacBinding(_ name: String, namespace: String?, roleKind: String, role: String, subjects: [YAMLValue]) {
        sink.emit(object(Self.rbacAPI, namespace == nil ? "ClusterRoleBinding" : "RoleBinding", metadata(name, namespace: namespace), [
            ("roleRef", ["apiGroup": "rbac.authorization.k8s.io", "kind": .string(roleKind), "name": .string(role)]),
            ("subjects", .sequence(subjects)),
        ]))
    }
}
