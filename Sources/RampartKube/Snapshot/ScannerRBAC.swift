import RampartModel

/// The least-privilege identity of an in-cluster scanner: a ServiceAccount, a ClusterRole that may
/// only `list` the resources Rampart reads (from `ScannedResources`, so they never drift) and get
/// the discovery documents, and the binding between them. Nothing else: no get, watch or write.
public enum ScannerRBAC {
    public static let name = "rampart-scanner"

    /// The three manifests. Secrets are left out unless `includeSecrets`: RBAC cannot grant
    /// metadata only, so `list secrets` would let the scanner read every secret value.
    public static func manifests(namespace: String, includeSecrets: Bool) -> [Node] {
        let wanted = ScannedResources.all.filter { includeSecrets || !ScannedResources.metadataOnly.contains($0) }
        let groups = Dictionary(grouping: wanted, by: \.group).sorted { $0.key < $1.key }
        let rules = groups.map { group, resources in
            Node.mapping(["apiGroups": .strings([group]), "resources": .strings(resources.map(\.name).sorted()),
                          "verbs": .strings(["list"])])
        } + [Node.mapping(["nonResourceURLs": .strings(["/api", "/api/*", "/apis", "/apis/*"]), "verbs": .strings(["get"])])]
        let labels = Node.mapping(["app.kubernetes.io/name": .string(name)])
        return [
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
