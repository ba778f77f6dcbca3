/// The pod a pod-bearing object runs: a Pod itself, or the pod template of a workload.
public struct PodTemplate: Sendable {
    /// The object that carries the pod spec.
    public let object: KubeObject
    /// Path from the object's root to the pod's `metadata`/`spec` parent
    /// (empty for a Pod, `spec.template` for a Deployment, …).
    public let templatePath: FieldPath
    public let spec: Node
    /// The pod's own metadata (the template's for workloads).
    public let metadata: Node?
    /// Every container of the pod: init containers, containers and ephemeral containers.
    public let containers: [Container]

    /// Kinds that carry a pod spec, and the path to the pod template in each.
    public static let templatePaths: [String: FieldPath] = [
        "Pod": FieldPath(),
        "PodTemplate": "template",
        "Deployment": "spec.template",
        "ReplicaSet": "spec.template",
        "StatefulSet": "spec.template",
        "DaemonSet": "spec.template",
        "Job": "spec.template",
        "ReplicationController": "spec.template",
        "CronJob": "spec.jobTemplate.spec.template",
    ]

    /// The pod template of `object`, or nil when it is not pod-bearing or has no spec.
    public init?(_ object: KubeObject) {
        guard let templatePath = Self.templatePaths[object.kind],
              let template = object.root[templatePath],
              let spec = template["spec"], spec.isMapping else { return nil }
        self.object = object
        self.templatePath = templatePath
        self.spec = spec
        self.metadata = template["metadata"]
        containers = Self.containers(of: spec, at: templatePath.appending("spec"))
    }

    /// The containers of `spec` in the order of `Container.Kind`.
    private static func containers(of spec: Node, at specPath: FieldPath) -> [Container] {
        var containers: [Container] = []
        for kind in Container.Kind.allCases {
            for (index, node) in (spec[kind.rawValue]?.items ?? []).enumerated() {
                containers.append(Container(kind: kind, index: index, node: node,
                                            path: specPath.appending(kind.rawValue).appending(index: index)))
            }
        }
        return containers
    }

    /// Path from the object's root to the pod spec.
    public var specPath: FieldPath { templatePath.appending("spec") }

    public var labels: [String: String] { metadata?["labels"]?.stringMap ?? [:] }
    public var annotations: [String: String] { metadata?["annotations"]?.stringMap ?? [:] }

    /// The service account the pod runs as (`default` when none is named).
    public var serviceAccountName: String {
        spec["serviceAccountName"]?.string ?? spec["serviceAccount"]?.string ?? "default"
    }

    /// The pod's namespace: the object's, or `default` when none is set.
    public var namespace: String { object.namespace ?? "default" }
}

/// One container of a pod spec, with its kind and its path inside the object.
public struct Container: Sendable {
    /// Which list of the pod spec the container is in; raw values are the field names.
    public enum Kind: String, Sendable, CaseIterable {
        case initContainer = "initContainers"
        case container = "containers"
        case ephemeralContainer = "ephemeralContainers"
    }

    public let kind: Kind
    public let index: Int
    public let node: Node
    /// Path from the object's root to this container.
    public let path: FieldPath

    public var name: String { node["name"]?.string ?? "" }
    public var image: String? { node["image"]?.string }
    public var securityContext: Node? { node["securityContext"] }
}
