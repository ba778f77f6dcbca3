import RampartModel

/// What a Node object says about the machine: `status.nodeInfo` (OS image, kernel, runtime, kubelet).
public struct NodeInfo: Sendable {
    public let object: KubeObject

    public init?(_ object: KubeObject) {
        guard object.kind == "Node", object.reference.group.isEmpty, object.root["status"]?["nodeInfo"]?.isMapping == true else { return nil }
        self.object = object
    }

    public static let infoPath: FieldPath = "status.nodeInfo"

    private func info(_ key: String) -> String? { object.root[Self.infoPath.appending(key)]?.string }

    public var osImage: String? { info("osImage") }
    public var kernelVersion: String? { info("kernelVersion") }
    public var containerRuntimeVersion: String? { info("containerRuntimeVersion") }
    public var operatingSystem: String? { info("operatingSystem") }
    /// The kubelet's version (`v1.29.4-eks-036c24b`).
    public var kubeletVersion: KubernetesVersion? { info("kubeletVersion").flatMap { KubernetesVersion($0) } }
    public var kubeletVersionText: String? { info("kubeletVersion") }

    /// Operating systems built only to run containers: small, read-only or image-based, updated as a whole.
    public static let containerOptimisedOSMarkers = [
        "Bottlerocket", "Flatcar", "Container-Optimized OS", "Talos", "Red Hat Enterprise Linux CoreOS",
        "Fedora CoreOS", "RancherOS", "k3OS", "Elemental", "Kairos",
    ]

    /// The container-optimised OS the node runs (its marker), or nil for a general-purpose OS.
    public var containerOptimisedOS: String? {
        guard let osImage else { return nil }
        return Self.containerOptimisedOSMarkers.first { osImage.containsIgnoringCase($0) }
    }
}

extension String {
    /// Case-insensitive containment for ASCII text (no Foundation in the engine).
    func containsIgnoringCase(_ other: String) -> Bool {
        lowercased().contains(other.lowercased())
    }
}
