import RampartModel

/// The families of network policy a CNI plug-in may enforce.
public enum PolicyFamily: String, Sendable, Hashable, CaseIterable, Comparable {
    case networkPolicy = "NetworkPolicy"
    case adminNetworkPolicy = "AdminNetworkPolicy/BaselineAdminNetworkPolicy"
    case clusterNetworkPolicy = "ClusterNetworkPolicy"
    case cilium = "Cilium policies"
    case calico = "Calico policies"

    public static func < (lhs: PolicyFamily, rhs: PolicyFamily) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The family of a compiled policy.
    public init(_ policy: CompiledPolicy) {
        switch policy.object.reference.group {
        case "cilium.io": self = .cilium
        case "projectcalico.org", "crd.projectcalico.org": self = .calico
        case "policy.networking.k8s.io": self = policy.object.kind == "ClusterNetworkPolicy" ? .clusterNetworkPolicy : .adminNetworkPolicy
        default: self = .networkPolicy
        }
    }
}

/// A CNI plug-in (or policy add-on) the inputs show running, and what it enforces.
public struct DetectedCNI: Sendable {
    public let name: String
    /// The DaemonSet (or ConfigMap) that shows it.
    public let evidence: KubeObject
    public let enforces: Set<PolicyFamily>
    /// What the detection could not settle, in a sentence.
    public let note: String?
}

/// Detects the CNI from the DaemonSets and ConfigMaps of `kube-system` and the CNIs' own namespaces.
/// Nothing recognised: an empty list, which callers report as an unknown CNI rather than guess.
public enum CNIDetection {
    /// Namespaces where CNIs install their agents.
    static let namespaces: Set<String> = [
        "kube-system", "calico-system", "tigera-operator", "kube-flannel", "cilium", "antrea-system", "weave",
        "openshift-ovn-kubernetes", "openshift-sdn", "kube-router",
    ]

    public static func detect(_ inventory: Inventory) -> [DetectedCNI] {
        inventory.objects(ofKind: "DaemonSet", group: "apps")
            .filter { namespaces.contains($0.namespace ?? "") }
            .compactMap { detect($0, in: inventory) }
    }

    private static func detect(_ daemonSet: KubeObject, in inventory: Inventory) -> DetectedCNI? {
        let images = (daemonSet.root["spec"]?["template"]?["spec"]?["containers"]?.items ?? []).compactMap { $0["image"]?.string }
        let name = daemonSet.name
        func found(_ cni: String, _ enforces: Set<PolicyFamily>, note: String? = nil) -> DetectedCNI {
            DetectedCNI(name: cni, evidence: daemonSet, enforces: enforces, note: note)
        }
        func runs(_ image: String) -> Bool { images.contains { $0.contains(image) } }
        if name == "calico-node" || runs("calico/node:") {
            let version = images.first { $0.contains("calico/node:") }.flatMap(Self.version)
            let admin = version.map { $0.major > 3 || ($0.major == 3 && $0.minor >= 30) } ?? false
            return found("Calico", admin ? [.networkPolicy, .calico, .adminNetworkPolicy] : [.networkPolicy, .calico],
                         note: admin ? nil : "AdminNetworkPolicy needs Calico 3.30 or later\(version == nil ? "; the image shows no version" : "")")
        }
        if name == "cilium" || runs("cilium/cilium:") {
            return found("Cilium", [.networkPolicy, .cilium])
        }
        switch name {
        case "canal":
            return found("Canal (flannel with Calico policy)", [.networkPolicy, .calico])
        case "anetd":
            return found("GKE Dataplane V2", [.networkPolicy])
        case "antrea-agent":
            return found("Antrea", [.networkPolicy, .adminNetworkPolicy])
        case "weave-net":
            return found("Weave Net", [.networkPolicy])
        case "kube-router":
            return found("kube-router", [.networkPolicy])
        case "ovnkube-node":
            return found("OVN-Kubernetes", [.networkPolicy, .adminNetworkPolicy])
        case "sdn":
            return found("OpenShift SDN", [.networkPolicy])
        case "azure-npm":
            return found("Azure Network Policy Manager", [.networkPolicy])
        case "aws-node":
            let enabled = awsNetworkPolicyEnabled(daemonSet, in: inventory)
            return found("Amazon VPC CNI", enabled ? [.networkPolicy] : [],
                         note: enabled ? nil : "its network policy agent is not enabled (enable-network-policy-controller in ConfigMap kube-system/amazon-vpc-cni)")
        case "azure-cns":
            return found("Azure CNI", [], note: "Azure CNI enforces no policy without Azure Network Policy Manager, Calico or Cilium")
        case "kube-flannel-ds", "kube-flannel", "flannel":
            return found("flannel", [], note: "flannel does not enforce network policy")
        default:
            return nil
        }
    }

    /// True when the Amazon VPC CNI runs its network policy agent.
    private static func awsNetworkPolicyEnabled(_ daemonSet: KubeObject, in inventory: Inventory) -> Bool {
        let config = inventory.object(kind: "ConfigMap", namespace: "kube-system", name: "amazon-vpc-cni")
        if config?.root["data"]?["enable-network-policy-controller"]?.string == "true" { return true }
        let containers = daemonSet.root["spec"]?["template"]?["spec"]?["containers"]?.items ?? []
        return containers.contains { container in
            (container["args"]?.items ?? []).contains { $0.string == "--enable-network-policy=true" }
        }
    }

    /// 3.30 from an image such as `docker.io/calico/node:v3.30.2`.
    private static func version(_ image: String) -> (major: Int, minor: Int)? {
        guard let tag = image.split(separator: ":").last, tag.hasPrefix("v") else { return nil }
        let numbers = tag.dropFirst().split(separator: ".").prefix(2).compactMap { Int($0.prefix { $0.isNumber }) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
    }
}
