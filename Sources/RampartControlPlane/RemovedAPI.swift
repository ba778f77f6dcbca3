import RampartModel

/// An API version of a kind that Kubernetes stopped serving in some release: manifests written for
/// it no longer apply once the cluster runs that release (the deprecated API migration guide).
public struct RemovedAPI: Sendable, Hashable {
    /// `group/version` as manifests write it (`extensions/v1beta1`).
    public let apiVersion: String
    public let kind: String
    /// The first release that no longer serves it.
    public let removedIn: KubernetesVersion
    /// What to use instead (`apps/v1`), or nil when nothing replaces it.
    public let replacement: String?

    /// The removed API of `object`'s apiVersion and kind, if it is one.
    public static func of(_ object: KubeObject) -> RemovedAPI? {
        table[Key(apiVersion: object.reference.apiVersion, kind: object.kind)]
    }

    private struct Key: Hashable {
        let apiVersion: String
        let kind: String
    }

    private static let table: [Key: RemovedAPI] = Dictionary(all.map { (Key(apiVersion: $0.apiVersion, kind: $0.kind), $0) },
                                                             uniquingKeysWith: { first, _ in first })

    /// Removals of beta APIs since 1.16, per the upstream deprecated API migration guide.
    public static let all: [RemovedAPI] =
        removed(1, 16, "extensions/v1beta1", ["DaemonSet", "Deployment", "ReplicaSet"], "apps/v1")
        + removed(1, 16, "extensions/v1beta1", ["NetworkPolicy"], "networking.k8s.io/v1")
        + removed(1, 16, "extensions/v1beta1", ["PodSecurityPolicy"], "policy/v1beta1")
        + removed(1, 16, "apps/v1beta1", ["Deployment", "StatefulSet", "ReplicaSet", "ControllerRevision"], "apps/v1")
        + removed(1, 16, "apps/v1beta2", ["DaemonSet", "Deployment", "ReplicaSet", "StatefulSet", "ControllerRevision"], "apps/v1")
        + removed(1, 22, "extensions/v1beta1", ["Ingress"], "networking.k8s.io/v1")
        + removed(1, 22, "networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "networking.k8s.io/v1")
        + removed(1, 22, "admissionregistration.k8s.io/v1beta1", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
                  "admissionregistration.k8s.io/v1")
        + removed(1, 22, "apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], "apiextensions.k8s.io/v1")
        + removed(1, 22, "apiregistration.k8s.io/v1beta1", ["APIService"], "apiregistration.k8s.io/v1")
        + removed(1, 22, "certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "certificates.k8s.io/v1")
        + removed(1, 22, "coordination.k8s.io/v1beta1", ["Lease"], "coordination.k8s.io/v1")
        + removed(1, 22, "rbac.authorization.k8s.io/v1beta1", ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
                  "rbac.authorization.k8s.io/v1")
        + removed(1, 22, "scheduling.k8s.io/v1beta1", ["PriorityClass"], "scheduling.k8s.io/v1")
        + removed(1, 22, "storage.k8s.io/v1beta1", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], "storage.k8s.io/v1")
        + removed(1, 25, "batch/v1beta1", ["CronJob"], "batch/v1")
        + removed(1, 25, "discovery.k8s.io/v1beta1", ["EndpointSlice"], "discovery.k8s.io/v1")
        + removed(1, 25, "events.k8s.io/v1beta1", ["Event"], "events.k8s.io/v1")
        + removed(1, 25, "autoscaling/v2beta1", ["HorizontalPodAutoscaler"], "autoscaling/v2")
        + removed(1, 25, "policy/v1beta1", ["PodDisruptionBudget"], "policy/v1")
        + removed(1, 25, "policy/v1beta1", ["PodSecurityPolicy"], nil)
        + removed(1, 25, "node.k8s.io/v1beta1", ["RuntimeClass"], "node.k8s.io/v1")
        + removed(1, 26, "flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"], "flowcontrol.apiserver.k8s.io/v1")
        + removed(1, 26, "autoscaling/v2beta2", ["HorizontalPodAutoscaler"], "autoscaling/v2")
        + removed(1, 27, "storage.k8s.io/v1beta1", ["CSIStorageCapacity"], "storage.k8s.io/v1")
        + removed(1, 29, "flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"], "flowcontrol.apiserver.k8s.io/v1")
        + removed(1, 32, "flowcontrol.apiserver.k8s.io/v1beta3", ["FlowSchema", "PriorityLevelConfiguration"], "flowcontrol.apiserver.k8s.io/v1")

    private static func removed(_ major: Int, _ minor: Int, _ apiVersion: String, _ kinds: [String], _ replacement: String?) -> [RemovedAPI] {
        kinds.map { RemovedAPI(apiVersion: apiVersion, kind: $0, removedIn: KubernetesVersion(major: major, minor: minor), replacement: replacement) }
    }
}
