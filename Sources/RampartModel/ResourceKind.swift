/// A kind of Kubernetes object as the API serves it: its API group, its kind and its resource (the
/// plural name a list request and an RBAC rule use). Rules declare the kinds they read with these,
/// and the live reader and the scanner's RBAC follow from those declarations.
public struct ResourceKind: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let group: String
    public let kind: String
    public let resource: String

    public init(group: String, kind: String, resource: String) {
        self.group = group
        self.kind = kind
        self.resource = resource
    }

    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool {
        (lhs.group, lhs.resource) < (rhs.group, rhs.resource)
    }

    /// `resource.group`, or `resource` for the core group, as kubectl names resources.
    public var description: String { group.isEmpty ? resource : "\(resource).\(group)" }
}

extension ResourceKind {
    public static let pods = ResourceKind(group: "", kind: "Pod", resource: "pods")
    public static let podTemplates = ResourceKind(group: "", kind: "PodTemplate", resource: "podtemplates")
    public static let replicationControllers = ResourceKind(group: "", kind: "ReplicationController", resource: "replicationcontrollers")
    public static let services = ResourceKind(group: "", kind: "Service", resource: "services")
    public static let configMaps = ResourceKind(group: "", kind: "ConfigMap", resource: "configmaps")
    public static let secrets = ResourceKind(group: "", kind: "Secret", resource: "secrets")
    public static let serviceAccounts = ResourceKind(group: "", kind: "ServiceAccount", resource: "serviceaccounts")
    public static let namespaces = ResourceKind(group: "", kind: "Namespace", resource: "namespaces")
    public static let nodes = ResourceKind(group: "", kind: "Node", resource: "nodes")
    public static let resourceQuotas = ResourceKind(group: "", kind: "ResourceQuota", resource: "resourcequotas")
    public static let limitRanges = ResourceKind(group: "", kind: "LimitRange", resource: "limitranges")
    public static let deployments = ResourceKind(group: "apps", kind: "Deployment", resource: "deployments")
    public static let replicaSets = ResourceKind(group: "apps", kind: "ReplicaSet", resource: "replicasets")
    public static let statefulSets = ResourceKind(group: "apps", kind: "StatefulSet", resource: "statefulsets")
    public static let daemonSets = ResourceKind(group: "apps", kind: "DaemonSet", resource: "daemonsets")
    public static let jobs = ResourceKind(group: "batch", kind: "Job", resource: "jobs")
    public static let cronJobs = ResourceKind(group: "batch", kind: "CronJob", resource: "cronjobs")
    public static let networkPolicies = ResourceKind(group: "networking.k8s.io", kind: "NetworkPolicy", resource: "networkpolicies")
    public static let ingresses = ResourceKind(group: "networking.k8s.io", kind: "Ingress", resource: "ingresses")
    public static let roles = ResourceKind(group: "rbac.authorization.k8s.io", kind: "Role", resource: "roles")
    public static let roleBindings = ResourceKind(group: "rbac.authorization.k8s.io", kind: "RoleBinding", resource: "rolebindings")
    public static let clusterRoles = ResourceKind(group: "rbac.authorization.k8s.io", kind: "ClusterRole", resource: "clusterroles")
    public static let clusterRoleBindings = ResourceKind(group: "rbac.authorization.k8s.io", kind: "ClusterRoleBinding",
                                                         resource: "clusterrolebindings")
    public static let runtimeClasses = ResourceKind(group: "node.k8s.io", kind: "RuntimeClass", resource: "runtimeclasses")
    public static let flowSchemas = ResourceKind(group: "flowcontrol.apiserver.k8s.io", kind: "FlowSchema", resource: "flowschemas")
    public static let priorityLevelConfigurations = ResourceKind(group: "flowcontrol.apiserver.k8s.io",
                                                                 kind: "PriorityLevelConfiguration",
                                                                 resource: "prioritylevelconfigurations")
    public static let peerAuthentications = ResourceKind(group: "security.istio.io", kind: "PeerAuthentication",
                                                         resource: "peerauthentications")
    public static let capsuleTenants = ResourceKind(group: "capsule.clastix.io", kind: "Tenant", resource: "tenants")
    public static let validatingAdmissionPolicies = ResourceKind(group: "admissionregistration.k8s.io",
                                                                 kind: "ValidatingAdmissionPolicy",
                                                                 resource: "validatingadmissionpolicies")
    public static let validatingAdmissionPolicyBindings = ResourceKind(group: "admissionregistration.k8s.io",
                                                                       kind: "ValidatingAdmissionPolicyBinding",
                                                                       resource: "validatingadmissionpolicybindings")
    public static let mutatingAdmissionPolicies = ResourceKind(group: "admissionregistration.k8s.io",
                                                               kind: "MutatingAdmissionPolicy",
                                                               resource: "mutatingadmissionpolicies")
    public static let mutatingAdmissionPolicyBindings = ResourceKind(group: "admissionregistration.k8s.io",
                                                                     kind: "MutatingAdmissionPolicyBinding",
                                                                     resource: "mutatingadmissionpolicybindings")
    public static let validatingWebhookConfigurations = ResourceKind(group: "admissionregistration.k8s.io",
                                                                     kind: "ValidatingWebhookConfiguration",
                                                                     resource: "validatingwebhookconfigurations")
    public static let hncConfigurations = ResourceKind(group: "hnc.x-k8s.io", kind: "HierarchyConfiguration",
                                                       resource: "hierarchyconfigurations")

    /// Every kind that carries a pod template (`PodTemplate.templatePaths`).
    public static let podBearing: Set<ResourceKind> = [
        pods, podTemplates, replicationControllers, deployments, replicaSets, statefulSets, daemonSets, jobs, cronJobs,
    ]

    /// The RBAC objects.
    public static let rbac: Set<ResourceKind> = [roles, roleBindings, clusterRoles, clusterRoleBindings]

    /// Every kind named above, to look a kind up by its name.
    public static let known: [ResourceKind] = [
        services, configMaps, secrets, serviceAccounts, namespaces, nodes, resourceQuotas, limitRanges, networkPolicies,
        ingresses, runtimeClasses, flowSchemas, priorityLevelConfigurations, peerAuthentications, capsuleTenants,
        hncConfigurations, validatingAdmissionPolicies, validatingAdmissionPolicyBindings, mutatingAdmissionPolicies,
        mutatingAdmissionPolicyBindings, validatingWebhookConfigurations,
    ] + podBearing.sorted() + rbac.sorted()

    /// The known kind named `kind` (in any group).
    public static func named(_ kind: String) -> ResourceKind? {
        known.first { $0.kind == kind }
    }
}
