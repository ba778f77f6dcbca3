/// The resources Rampart reads from a cluster: those its rules and engines look at. The same list
/// makes the scanner's least-privilege ClusterRole (`rampart scanner-rbac`), so they cannot drift.
public enum ScannedResources {
    /// A resource by group and plural name.
    public struct Wanted: Sendable, Hashable {
        public var group: String
        public var name: String
    }

    /// Everything read by default, grouped by API group. Secrets are read as metadata only.
    public static let all: [Wanted] = [
        ("", ["configmaps", "limitranges", "namespaces", "nodes", "pods", "podtemplates", "replicationcontrollers",
              "resourcequotas", "secrets", "serviceaccounts", "services"]),
        ("admissionregistration.k8s.io", ["mutatingwebhookconfigurations", "validatingadmissionpolicies",
                                          "validatingadmissionpolicybindings", "validatingwebhookconfigurations"]),
        ("apps", ["daemonsets", "deployments", "replicasets", "statefulsets"]),
        ("batch", ["cronjobs", "jobs"]),
        ("networking.k8s.io", ["ingressclasses", "ingresses", "networkpolicies"]),
        ("node.k8s.io", ["runtimeclasses"]),
        ("rbac.authorization.k8s.io", ["clusterrolebindings", "clusterroles", "rolebindings", "roles"]),
        ("scheduling.k8s.io", ["priorityclasses"]),
    ].flatMap { group, names in names.map { Wanted(group: group, name: $0) } }

    /// Resources listed with the metadata-only `PartialObjectMetadataList` representation.
    public static let metadataOnly: Set<Wanted> = [Wanted(group: "", name: "secrets")]

    /// The `Accept` header that asks for metadata only, with plain JSON as the fallback of old servers.
    public static let metadataAccept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json"
}
