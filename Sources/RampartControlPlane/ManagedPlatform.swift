import RampartModel

/// Who runs the control plane: a managed Kubernetes service, or the cluster's owner.
public enum Platform: String, Sendable, CaseIterable {
    /// Amazon Elastic Kubernetes Service.
    case eks = "EKS"
    /// Google Kubernetes Engine.
    case gke = "GKE"
    /// Azure Kubernetes Service.
    case aks = "AKS"
    /// Red Hat OpenShift (its operators run the control plane, self-hosted or as ROSA/ARO).
    case openShift = "OpenShift"
    /// kubeadm or any other installation whose owner runs the control plane.
    case selfManaged = "self-managed/kubeadm"

    /// True for a platform whose provider runs the API server, etcd, the controller manager and the
    /// scheduler: their flags and files are not the cluster owner's to set, nor Rampart's to read.
    public var ownsControlPlane: Bool { self != .selfManaged }
}

/// One thing in the inputs that tells the platform: a node label, or a version suffix.
public struct PlatformMarker: Sendable {
    public let platform: Platform
    public let object: KubeObject
    /// The field that carries it (the label, `gitVersion`, `status.nodeInfo.kubeletVersion`).
    public let path: FieldPath
    /// What it says, e.g. `label eks.amazonaws.com/nodegroup` or `API server v1.33.4-eks-1234567`.
    public let evidence: String
}

/// The platform the inputs show, from the API server's `/version` and the Nodes.
///
/// Decisive markers, in this order: the API server's `gitVersion` suffix (`-eks-`, `-gke.`), the
/// labels the services put on their nodes (`eks.amazonaws.com/nodegroup`,
/// `eks.amazonaws.com/compute-type`, `cloud.google.com/gke-nodepool`, `kubernetes.azure.com/cluster`,
/// `node.openshift.io/os_id`), then the kubelet's version suffix. A node's `spec.providerID`
/// (`aws://`, `gce://`, `azure://`) names only the cloud the machine runs in: the cloud provider
/// sets it on self-managed clusters too (kubeadm on EC2), so it is recorded as the cloud and never
/// taken for a managed control plane.
public struct ManagedPlatform: Sendable {
    /// The first decisive marker; nil: no managed service is shown (self-managed).
    public let marker: PlatformMarker?
    /// The cloud the nodes' provider IDs name (`AWS`, `Google Cloud`, `Azure`), if any.
    public let cloud: String?

    public var platform: Platform { marker?.platform ?? .selfManaged }

    /// Version suffixes the services add to the API server's and kubelets' `gitVersion`.
    static let versionMarkers: [(text: String, platform: Platform)] = [("-eks-", .eks), ("-gke.", .gke)]
    /// Labels the services put on every node they manage.
    static let labelMarkers: [(label: String, platform: Platform)] = [
        ("eks.amazonaws.com/nodegroup", .eks), ("eks.amazonaws.com/compute-type", .eks),
        ("cloud.google.com/gke-nodepool", .gke), ("kubernetes.azure.com/cluster", .aks),
        ("node.openshift.io/os_id", .openShift),
    ]
    /// `spec.providerID` prefixes and the cloud each names.
    static let providerClouds: [(prefix: String, cloud: String)] = [("aws://", "AWS"), ("gce://", "Google Cloud"), ("azure://", "Azure")]

    public init(_ inventory: Inventory) {
        let nodes = inventory.objects(ofKind: "Node", group: "")
        let servers = inventory.objects(ofKind: ServerVersion.kind).compactMap(ServerVersion.init)
        let fromServer = servers.lazy.compactMap { server in
            Self.versionMarker(server.object.root["gitVersion"]?.string, object: server.object, path: "gitVersion", what: "API server")
        }.first
        let fromLabels = nodes.lazy.compactMap(Self.labelMarker).first
        let fromKubelets = nodes.lazy.compactMap { node in
            Self.versionMarker(node.root[NodeInfo.infoPath.appending("kubeletVersion")]?.string, object: node,
                               path: NodeInfo.infoPath.appending("kubeletVersion"), what: "kubelet")
        }.first
        marker = fromServer ?? fromLabels ?? fromKubelets
        cloud = nodes.lazy.compactMap { node in
            node.root["spec"]?["providerID"]?.string.flatMap { id in Self.providerClouds.first { id.hasPrefix($0.prefix) }?.cloud }
        }.first
    }

    private static func versionMarker(_ version: String?, object: KubeObject, path: FieldPath, what: String) -> PlatformMarker? {
        guard let version, let match = versionMarkers.first(where: { version.contains($0.text) }) else { return nil }
        return PlatformMarker(platform: match.platform, object: object, path: path, evidence: "\(what) \(version)")
    }

    private static func labelMarker(_ node: KubeObject) -> PlatformMarker? {
        let labels = node.labels
        guard let match = labelMarkers.first(where: { labels[$0.label] != nil }) else { return nil }
        return PlatformMarker(platform: match.platform, object: node, path: FieldPath([.key("metadata"), .key("labels"), .key(match.label)]),
                              evidence: "node \(node.name) label \(match.label)")
    }

    /// `EKS (API server v1.33.4-eks-1234567)`, or `self-managed/kubeadm on AWS`.
    public var description: String {
        if let marker { return "\(marker.platform.rawValue) (\(marker.evidence))" }
        return Platform.selfManaged.rawValue + (cloud.map { " on \($0)" } ?? "")
    }
}
