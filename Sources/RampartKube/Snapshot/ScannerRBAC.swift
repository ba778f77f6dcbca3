import RampartModel

/// The least-privilege identity of an in-cluster scanner: its Namespace, a ServiceAccount, a
/// ClusterRole that may only `list` the resources Rampart reads (from `ScannedResources`, so they
/// never drift) and get the discovery documents, and the binding between them. Nothing else: no
/// get, watch or write, unless asked to write reports (`audit --write-reports`): then create, patch,
/// list and delete of the report resources, and nothing more.
public enum ScannerRBAC {
    public static let name = "rampart-scanner"

    /// Namespaces every cluster has: never emitted (they exist, and relabelling them would change
    /// what runs there).
    public static let clusterNamespaces: Set<String> = ["default", "kube-system", "kube-public", "kube-node-lease"]

    /// The manifests, in the order `kubectl apply -f -` needs them: the Namespace first, enforcing
    /// the restricted Pod Security level (unless `includeNamespace` is false or it is one of
    /// `clusterNamespaces`), then the ServiceAccount in it, the ClusterRole and the binding.
    /// Secrets are left out unless `includeSecrets`: RBAC cannot grant metadata only, so
    /// `list secrets` would let the scanner read every secret value.
    /// With `reports` (the API group and its resources), the scanner may also write those reports.
    public static func manifests(namespace: String, includeSecrets: Bool, includeNamespace: Bool = true,
                                 reports: (group: String, resources: [String])? = nil) -> [Node] {
        let wanted = ScannedResources.all.filter { includeSecrets || !ScannedResources.metadataOnly.contains($0) }
        let groups = Dictionary(grouping: wanted, by: \.group).sorted { $0.key < $1.key }
        let rules = groups.map { group, resources in
            Node.mapping(["apiGroups": .strings([group]), "resources": .strings(resources.map(\.name).sorted()),
                          "verbs": .strings(["list"])])
        } + [Node.mapping(["nonResourceURLs": .strings(["/api", "/api/*", "/apis", "/apis/*", "/version"]), "verbs": .strings(["get"])])]
            + (reports.map { reports in
                // Server-side apply creates a report the first time (create) and updates it after (patch).
                [Node.mapping(["apiGroups": .strings([reports.group]), "resources": .strings(reports.resources),
                               "verbs": .strings(["create", "patch", "list", "delete"])])]
            } ?? [])
        let labels = Node.mapping(["app.kubernetes.io/name": .string(name)])
        var manifests: [Node] = []
        if includeNamespace, !clusterNamespaces.contains(namespace) {
            // The labels of examples/scanner-cronjob.yaml's Namespace: applying one after the other
            // (`kubectl apply` drops labels its last configuration had) keeps the restricted level.
            let podSecurity = Node.mapping(["pod-security.kubernetes.io/enforce": .string("restricted"),
                                            "pod-security.kubernetes.io/enforce-version": .string("latest")])
            manifests.append(.mapping(["apiVersion": .string("v1"), "kind": .string("Namespace"),
                                       "metadata": .mapping(["name": .string(namespace), "labels": podSecurity])]))
        }
        return manifests + [
            .mapping(["apiVersion": .string("v1"), "kind": .string("ServiceAccount"),
                      "metadata": .mapping(["name": .string(name), "namespace": .string(namespace), "labels": labels])]),
            .mapping(["apiVersion": .string("rbac.authorization.k8s.io/v1"), "kind": .string("ClusterRole"),
                      "metadata": .mapping(["name": .string(name), "labels": labels]), "rules": .sequence(rules)]),
            .mapping(["apiVersion": .string("rbac.authorization.k8s.io/v1"), "kind": .string("ClusterRoleBinding"),
                      "metadata": .mapping(["name": .string(name), "labels": labels]),
                      "roleRef": .mapping(["apiGroup": .string("rbac.authorization.k8s.io"), "kind": .string("ClusterRole"),
                                           "name": .string(name)]),
                      "subjects": .sequence([.mapping(["kind": .string("ServiceAccount"), "name": .string(name),
                                                       "namespace": .string(namespace)])])]),
        ]
    }
}
