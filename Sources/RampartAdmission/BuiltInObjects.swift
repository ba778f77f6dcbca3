/// Objects that Kubernetes' own components create and keep in every cluster. The webhook never
/// denies them: denying would fail the component's reconcile loop (a namespace without its
/// `kube-root-ca.crt`, pods without the `default` ServiceAccount, an API server that cannot write its
/// own Service). Their findings are still judged, reported and warned about (effect `builtIn`), and
/// `audit` reports them like any other object when they are real.
///
/// The table is matched by API group, kind, namespace and name only, not by the requesting user:
/// which user a component writes as depends on its flags and on the distribution
/// (`--use-service-account-credentials`, managed control planes). Objects that only an installer
/// creates (kubeadm's `cluster-info`, CoreDNS) are not built-in and not listed.
public struct BuiltInObject: Sendable, Hashable, CustomStringConvertible {
    /// Where the object is.
    public enum Scope: Sendable, Hashable {
        /// Cluster-scoped (Namespace, PriorityClass).
        case cluster
        /// In this namespace.
        case namespace(String)
        /// In every namespace.
        case everyNamespace
    }

    /// The API group (`""` for the core group).
    public var group: String
    public var kind: String
    public var scope: Scope
    public var name: String
    /// The component (and controller) that creates the object.
    public var creator: String

    public init(group: String = "", kind: String, scope: Scope, name: String, creator: String) {
        self.group = group
        self.kind = kind
        self.scope = scope
        self.name = name
        self.creator = creator
    }

    /// `Kind[.group] [namespace/]name`, `*` for every namespace, as the table's test pins it:
    /// `ConfigMap */kube-root-ca.crt`, `PriorityClass.scheduling.k8s.io system-node-critical`.
    public var description: String {
        let kindAndGroup = group.isEmpty ? kind : kind + "." + group
        switch scope {
        case .cluster: return kindAndGroup + " " + name
        case .namespace(let namespace): return kindAndGroup + " " + namespace + "/" + name
        case .everyNamespace: return kindAndGroup + " */" + name
        }
    }

    /// True when the object of this group and kind, in `namespace` (nil: none), is this one.
    public func matches(group: String, kind: String, namespace: String?, name: String) -> Bool {
        guard group == self.group, kind == self.kind, name == self.name else { return false }
        switch scope {
        case .cluster: return true  // the API server may name a Namespace as its own namespace
        case .namespace(let expected): return namespace == expected
        case .everyNamespace: return namespace != nil
        }
    }
}

/// The built-in objects, in one table (see `BuiltInObject`).
public enum BuiltInObjects {
    public static let all: [BuiltInObject] = [
        // kube-controller-manager, in every namespace.
        BuiltInObject(kind: "ConfigMap", scope: .everyNamespace, name: "kube-root-ca.crt",
                      creator: "kube-controller-manager (root-ca-cert-publisher)"),
        BuiltInObject(kind: "ServiceAccount", scope: .everyNamespace, name: "default",
                      creator: "kube-controller-manager (serviceaccount controller)"),
        // kube-apiserver: system namespaces, the API's own Service and its endpoints.
        BuiltInObject(kind: "Namespace", scope: .cluster, name: "default", creator: "kube-apiserver (system namespaces)"),
        BuiltInObject(kind: "Namespace", scope: .cluster, name: "kube-system", creator: "kube-apiserver (system namespaces)"),
        BuiltInObject(kind: "Namespace", scope: .cluster, name: "kube-public", creator: "kube-apiserver (system namespaces)"),
        BuiltInObject(kind: "Namespace", scope: .cluster, name: "kube-node-lease", creator: "kube-apiserver (system namespaces)"),
        BuiltInObject(kind: "Service", scope: .namespace("default"), name: "kubernetes",
                      creator: "kube-apiserver (kubernetes service controller)"),
        BuiltInObject(kind: "Endpoints", scope: .namespace("default"), name: "kubernetes",
                      creator: "kube-apiserver (endpoint reconciler)"),
        BuiltInObject(group: "discovery.k8s.io", kind: "EndpointSlice", scope: .namespace("default"), name: "kubernetes",
                      creator: "kube-apiserver (endpoint reconciler)"),
        // kube-apiserver, in kube-system.
        BuiltInObject(kind: "ConfigMap", scope: .namespace("kube-system"), name: "extension-apiserver-authentication",
                      creator: "kube-apiserver (client-ca publisher)"),
        BuiltInObject(kind: "ConfigMap", scope: .namespace("kube-system"), name: "kube-apiserver-legacy-service-account-token-tracking",
                      creator: "kube-apiserver (legacy token tracking)"),
        BuiltInObject(group: "scheduling.k8s.io", kind: "PriorityClass", scope: .cluster, name: "system-cluster-critical",
                      creator: "kube-apiserver (bootstrap priority classes)"),
        BuiltInObject(group: "scheduling.k8s.io", kind: "PriorityClass", scope: .cluster, name: "system-node-critical",
                      creator: "kube-apiserver (bootstrap priority classes)"),
        // Leader election of the control plane, in kube-system.
        BuiltInObject(group: "coordination.k8s.io", kind: "Lease", scope: .namespace("kube-system"), name: "kube-controller-manager",
                      creator: "kube-controller-manager (leader election)"),
        BuiltInObject(group: "coordination.k8s.io", kind: "Lease", scope: .namespace("kube-system"), name: "kube-scheduler",
                      creator: "kube-scheduler (leader election)"),
    ]

    /// The entry for the object of `request` (its name from the request, else from the object), if built-in.
    public static func entry(for request: AdmissionRequest) -> BuiltInObject? {
        guard let name = request.name ?? (request.object ?? request.oldObject)?["metadata"]?["name"]?.string else { return nil }
        return all.first { $0.matches(group: request.group, kind: request.kind, namespace: request.namespace, name: name) }
    }
}
