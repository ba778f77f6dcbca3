/// Whether objects of a kind live in a namespace, as the API server decides it: a namespaced object
/// written without `metadata.namespace` lands in `default`, and a cluster-scoped object ignores a
/// leftover `metadata.namespace`.
public enum ResourceScope {
    /// The namespace the API server stores an object in, given what its manifest says; nil for a
    /// cluster-scoped object. Kinds of groups Rampart does not know (custom resources) keep what
    /// the manifest says: their scope is declared by a CRD, not here.
    public static func namespace(group: String, kind: String, written: String?) -> String? {
        if clusterScoped.contains(Kind(group: group, kind: kind)) { return nil }
        guard written == nil || written == "" else { return written }
        let namespaced = group.isEmpty ? namespacedCoreKinds.contains(kind) : builtInGroups.contains(group)
        return namespaced ? "default" : written
    }

    /// True when objects of `kind` in `group` are cluster-scoped, as far as Rampart knows.
    public static func isClusterScoped(group: String, kind: String) -> Bool {
        clusterScoped.contains(Kind(group: group, kind: kind))
    }

    private struct Kind: Hashable {
        let group: String
        let kind: String
    }

    /// Namespaced kinds of the core group. Files such as a kubeconfig (`apiVersion: v1`, `kind: Config`)
    /// share the core group's apiVersion without being API objects, so the core group is listed by kind.
    private static let namespacedCoreKinds: Set<String> = [
        "Pod", "ServiceAccount", "Service", "ConfigMap", "Secret", "Endpoints", "LimitRange", "ResourceQuota",
        "PersistentVolumeClaim", "ReplicationController", "PodTemplate", "Event", "Binding",
    ]

    /// Other API groups served by the API server itself: their kinds that are not cluster-scoped are
    /// namespaced.
    private static let builtInGroups: Set<String> = [
        "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io",
        "discovery.k8s.io", "coordination.k8s.io", "events.k8s.io", "storage.k8s.io", "resource.k8s.io",
    ]

    /// Cluster-scoped kinds: the API server's own, and those of the policy and tenancy projects
    /// whose objects Rampart reads.
    private static let clusterScoped: Set<Kind> = [
        Kind(group: "", kind: "Namespace"), Kind(group: "", kind: "Node"), Kind(group: "", kind: "PersistentVolume"),
        Kind(group: "", kind: "ComponentStatus"),
        Kind(group: "rbac.authorization.k8s.io", kind: "ClusterRole"),
        Kind(group: "rbac.authorization.k8s.io", kind: "ClusterRoleBinding"),
        Kind(group: "storage.k8s.io", kind: "StorageClass"), Kind(group: "storage.k8s.io", kind: "CSIDriver"),
        Kind(group: "storage.k8s.io", kind: "CSINode"), Kind(group: "storage.k8s.io", kind: "VolumeAttachment"),
        Kind(group: "storage.k8s.io", kind: "VolumeAttributesClass"),
        Kind(group: "scheduling.k8s.io", kind: "PriorityClass"),
        Kind(group: "node.k8s.io", kind: "RuntimeClass"),
        Kind(group: "networking.k8s.io", kind: "IngressClass"), Kind(group: "networking.k8s.io", kind: "IPAddress"),
        Kind(group: "networking.k8s.io", kind: "ServiceCIDR"),
        Kind(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition"),
        Kind(group: "apiregistration.k8s.io", kind: "APIService"),
        Kind(group: "admissionregistration.k8s.io", kind: "ValidatingWebhookConfiguration"),
        Kind(group: "admissionregistration.k8s.io", kind: "MutatingWebhookConfiguration"),
        Kind(group: "admissionregistration.k8s.io", kind: "ValidatingAdmissionPolicy"),
        Kind(group: "admissionregistration.k8s.io", kind: "ValidatingAdmissionPolicyBinding"),
        Kind(group: "admissionregistration.k8s.io", kind: "MutatingAdmissionPolicy"),
        Kind(group: "admissionregistration.k8s.io", kind: "MutatingAdmissionPolicyBinding"),
        Kind(group: "certificates.k8s.io", kind: "CertificateSigningRequest"),
        Kind(group: "certificates.k8s.io", kind: "ClusterTrustBundle"),
        Kind(group: "flowcontrol.apiserver.k8s.io", kind: "FlowSchema"),
        Kind(group: "flowcontrol.apiserver.k8s.io", kind: "PriorityLevelConfiguration"),
        Kind(group: "resource.k8s.io", kind: "DeviceClass"), Kind(group: "resource.k8s.io", kind: "ResourceSlice"),
        Kind(group: "policy.networking.k8s.io", kind: "AdminNetworkPolicy"),
        Kind(group: "policy.networking.k8s.io", kind: "BaselineAdminNetworkPolicy"),
        Kind(group: "policy.networking.k8s.io", kind: "ClusterNetworkPolicy"),
        Kind(group: "cilium.io", kind: "CiliumClusterwideNetworkPolicy"),
        Kind(group: "crd.projectcalico.org", kind: "GlobalNetworkPolicy"),
        Kind(group: "projectcalico.org", kind: "GlobalNetworkPolicy"),
        Kind(group: "capsule.clastix.io", kind: "Tenant"),
        Kind(group: "external-secrets.io", kind: "ClusterSecretStore"),
        Kind(group: "cert-manager.io", kind: "ClusterIssuer"),
        Kind(group: "kyverno.io", kind: "ClusterPolicy"),
        Kind(group: "templates.gatekeeper.sh", kind: "ConstraintTemplate"),
        Kind(group: "policy.sigstore.dev", kind: "ClusterImagePolicy"),
    ]
}
