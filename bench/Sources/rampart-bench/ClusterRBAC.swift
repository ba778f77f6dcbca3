extension ClusterGenerator {
    private static let rbacVersion = "rbac.authorization.k8s.io/v1"

    /// The cluster-wide roles every cluster has, and the platform's bindings.
    mutating func platformClusterRoles() {
        clusterRole("cluster-admin", rules: [["apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]], ["nonResourceURLs": ["*"], "verbs": ["*"]]])
        clusterRole("view", rules: [["apiGroups": ["", "apps", "batch"], "resources": ["pods", "services", "configmaps", "deployments", "jobs"],
                                     "verbs": ["get", "list", "watch"]]])
        clusterRole("edit", rules: [["apiGroups": ["", "apps", "batch"], "resources": ["pods", "services", "configmaps", "secrets", "deployments", "jobs"],
                                     "verbs": .sequence(Vocabulary.verbs.map { .string($0) })]])
        clusterRole("admin", rules: [["apiGroups": ["", "apps", "batch", "rbac.authorization.k8s.io"], "resources": ["*"],
                                      "verbs": .sequence(Vocabulary.verbs.map { .string($0) })]])
        clusterRoleBinding("cluster-admin", role: "cluster-admin", subject: ["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": "system:masters"])
        clusterRole("prometheus", rules: [["apiGroups": [""], "resources": ["nodes", "nodes/metrics", "services", "endpoints", "pods"], "verbs": ["get", "list", "watch"]]])
        clusterRoleBinding("prometheus", role: "prometheus", subject: ["kind": "ServiceAccount", "name": "prometheus", "namespace": "monitoring"])
        clusterRole("cert-manager-controller", rules: [["apiGroups": [""], "resources": ["secrets"], "verbs": .sequence(Vocabulary.verbs.map { .string($0) })]])
        clusterRoleBinding("cert-manager-controller", role: "cert-manager-controller", subject: ["kind": "ServiceAccount", "name": "cert-manager", "namespace": "cert-manager"])
    }

    /// A tenant's cluster-wide grants: a namespace lister for teams; for a few customers, far too much.
    mutating func tenantClusterRoles(_ tenant: String, trusted: Bool) {
        let role = tenant + "-namespace-reader"
        clusterRole(role, rules: [["apiGroups": [""], "resources": ["namespaces"], "verbs": ["get", "list", "watch"]]])
        let group: YAMLValue = ["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": .string(tenant + ":developers")]
        clusterRoleBinding(role, role: role, subject: group)
        guard !trusted, rng.chance(0.3) else { return }
        clusterRoleBinding(tenant + "-operator", role: rng.pick(["cluster-admin", "edit"]), subject: group)
    }

    private mutating func clusterRole(_ name: String, rules: YAMLValue) {
        sink.emit(object(Self.rbacVersion, "ClusterRole", metadata(name, namespace: nil), [("rules", rules)]))
    }

    private mutating func clusterRoleBinding(_ name: String, role: String, subject: YAMLValue) {
        sink.emit(object(Self.rbacVersion, "ClusterRoleBinding", metadata(name, namespace: nil), [
            ("roleRef", ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(role)]),
            ("subjects", [subject]),
        ]))
    }
}
