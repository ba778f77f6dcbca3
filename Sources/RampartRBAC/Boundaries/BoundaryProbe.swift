/// A permission that matters at a tenant boundary: reading or changing what is inside a namespace,
/// or power beyond any namespace.
public struct BoundaryProbe: Sendable, Hashable {
    /// What holding the permission means for a boundary.
    public enum Kind: String, Sendable, Hashable, Codable, Comparable {
        /// Reads data inside the namespace (Secrets, ConfigMaps, pod logs).
        case read
        /// Changes what runs or what is stored inside the namespace.
        case write
        /// Enumerates every tenant (`list namespaces`).
        case listNamespaces = "list-namespaces"
        /// Changes cluster-scoped objects (nodes, namespaces, RBAC, CRDs, webhooks).
        case clusterScoped = "cluster-scoped"

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let kind: Kind
    public let request: AccessRequest

    /// `get secrets`, `create pods/exec`.
    public var label: String {
        guard case .resource(let group, let resource, let subresource, _) = request.target else { return request.verb }
        let name = resource + (subresource.isEmpty ? "" : "/" + subresource) + (group.isEmpty ? "" : "." + group)
        return "\(request.verb) \(name)"
    }

    /// Permissions on objects inside a namespace.
    public static let namespaced: [BoundaryProbe] =
        probes(.read, ["get", "list", "watch"], ["secrets"])
        + probes(.read, ["get", "list"], ["configmaps", "pods/log"])
        + probes(.write, ["create"], ["pods", "pods/exec", "pods/attach", "pods/portforward", "serviceaccounts/token"])
        + probes(.write, ["create", "update", "patch", "delete"], ["secrets", "configmaps", "services"])
        + probes(.write, ["delete"], ["pods"])
        + probes(.write, ["create", "update", "patch"], ["deployments", "statefulsets", "daemonsets"], group: "apps")
        + probes(.write, ["create", "update", "patch"], ["jobs", "cronjobs"], group: "batch")
        + probes(.write, ["create", "update", "patch", "delete"], ["networkpolicies"], group: "networking.k8s.io")
        + probes(.write, ["create", "update", "patch", "bind", "escalate"], ["roles", "rolebindings"], group: "rbac.authorization.k8s.io")

    /// Permissions beyond every namespace, which only ClusterRoleBindings grant.
    public static let cluster: [BoundaryProbe] =
        probes(.listNamespaces, ["list", "watch"], ["namespaces"])
        + probes(.clusterScoped, ["create", "update", "patch", "delete"], ["nodes", "namespaces", "persistentvolumes"])
        + probes(.clusterScoped, ["create", "update", "patch", "delete", "bind", "escalate"], ["clusterroles", "clusterrolebindings"],
                 group: "rbac.authorization.k8s.io")
        + probes(.clusterScoped, ["create", "update", "patch", "delete"], ["customresourcedefinitions"], group: "apiextensions.k8s.io")
        + probes(.clusterScoped, ["create", "update", "patch", "delete"],
                 ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"], group: "admissionregistration.k8s.io")
        + probes(.clusterScoped, ["impersonate"], ["users", "groups", "serviceaccounts"])
        + probes(.clusterScoped, ["create"], ["nodes/proxy"])

    private static func probes(_ kind: Kind, _ verbs: [String], _ resources: [String], group: String = "") -> [BoundaryProbe] {
        resources.flatMap { resource in
            verbs.map { verb in
                let parts = resource.split(separator: "/", maxSplits: 1).map(String.init)
                return BoundaryProbe(kind: kind, request: .resource(verb, group: group, parts[0],
                                                                   subresource: parts.count > 1 ? parts[1] : ""))
            }
        }
    }
}
