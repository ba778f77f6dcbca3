import RampartModel

/// Where pods may run: Node objects with labels and taints, RuntimeClasses, and for each pod the
/// nodes its node selector, required node affinity and tolerations allow (as the scheduler filters
/// them), with what admission adds (the RuntimeClass' scheduling, the namespace's
/// `scheduler.alpha.kubernetes.io/node-selector`). A pod that sets `spec.nodeName` skips the
/// scheduler: it lands on that node whatever its `NoSchedule` taints, and only the kubelet's own
/// admission (node selector, required affinity) and `NoExecute` taints (the kubelet rejects, the
/// taint manager evicts) keep it off.
struct Placement {
    struct NodeInfo {
        let name: String
        let labels: [String: String]
        /// Taints that keep pods off (`NoSchedule`, `NoExecute`), lifecycle taints left out.
        let taints: [Node]
        let object: KubeObject
    }

    struct Runtime {
        let name: String
        let handler: String
        let nodeSelector: [String: String]
        let tolerations: [Node]
        let object: KubeObject

        /// gVisor, Kata Containers, Firecracker: a kernel between the pod and the node.
        var isSandboxed: Bool {
            let text = handler.lowercased()
            return ["runsc", "gvisor", "kata", "firecracker", "-fc"].contains { text.contains($0) }
        }
    }

    /// Where one pod may run.
    struct PodPlacement {
        let pod: PodTemplate
        let runtime: Runtime?
        /// The node labels every node it runs on must have.
        let nodeSelector: [String: String]
        /// The names of the nodes it may run on; nil when no Node object is among the inputs.
        let nodes: Set<String>?
        /// The node the pod names itself (`spec.nodeName`), skipping the scheduler.
        let nodeName: String?

        var isSandboxed: Bool { runtime?.isSandboxed ?? false }

        /// True when every node the pod may run on is in `pool`.
        func isPinned(to pool: LabelSelector, nodes all: [NodeInfo]) -> Bool {
            if let nodes {
                return !nodes.isEmpty && all.filter { nodes.contains($0.name) }.allSatisfy { pool.matches($0.labels) }
            }
            return pool.matches(nodeSelector)
        }
    }

    static let namespaceNodeSelector = "scheduler.alpha.kubernetes.io/node-selector"

    /// Taints that the node lifecycle controller, the kubelet and the cloud provider add and remove
    /// with the node's state (a new node is `not-ready` for a while, a cordoned one `unschedulable`).
    /// They are not placement: whom a node pool is dedicated to does not change with them.
    static let lifecycleTaintKeys: Set<String> = [
        "node.kubernetes.io/not-ready",
        "node.kubernetes.io/unreachable",
        "node.kubernetes.io/unschedulable",
        "node.kubernetes.io/memory-pressure",
        "node.kubernetes.io/disk-pressure",
        "node.kubernetes.io/pid-pressure",
        "node.kubernetes.io/network-unavailable",
        "node.kubernetes.io/out-of-service",
        "node.cloudprovider.kubernetes.io/uninitialized",
        "node.cloudprovider.kubernetes.io/shutdown",
    ]

    /// True for a taint that keeps pods off for good: `NoSchedule` or `NoExecute`, and not a lifecycle taint.
    static func isPlacement(taint: Node) -> Bool {
        ["NoSchedule", "NoExecute"].contains(taint["effect"]?.string ?? "")
            && !lifecycleTaintKeys.contains(taint["key"]?.string ?? "")
    }

    let nodes: [NodeInfo]
    let runtimes: [String: Runtime]
    private let inventory: Inventory

    init(_ inventory: Inventory) {
        self.inventory = inventory
        nodes = inventory.objects(ofKind: "Node", group: "").map { object in
            NodeInfo(name: object.name, labels: object.labels,
                     taints: (object.root["spec"]?["taints"]?.items ?? []).filter(Self.isPlacement),
                     object: object)
        }
        var runtimes: [String: Runtime] = [:]
        for object in inventory.objects(ofKind: "RuntimeClass", group: "node.k8s.io") {
            let scheduling = object.root["scheduling"]
            runtimes[object.name] = Runtime(name: object.name, handler: object.root["handler"]?.string ?? "",
                                            nodeSelector: scheduling?["nodeSelector"]?.stringMap ?? [:],
                                            tolerations: scheduling?["tolerations"]?.items ?? [], object: object)
        }
        self.runtimes = runtimes
    }

    /// A sandboxed RuntimeClass among the inputs, if there is one.
    var sandboxedRuntime: Runtime? { runtimes.values.sorted { $0.name < $1.name }.first { $0.isSandboxed } }

    func place(_ pod: PodTemplate) -> PodPlacement {
        let runtime = pod.spec["runtimeClassName"]?.string.flatMap { runtimes[$0] }
        var selector = TenantInference.parsePairs(inventory.namespace(pod.namespace)?.annotations[Self.namespaceNodeSelector] ?? "")
        selector.merge(runtime?.nodeSelector ?? [:]) { $1 }
        selector.merge(pod.spec["nodeSelector"]?.stringMap ?? [:]) { $1 }
        let tolerations = (pod.spec["tolerations"]?.items ?? []) + (runtime?.tolerations ?? [])
        let terms = pod.spec["affinity"]?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"]?.items
        let nodeName = pod.spec["nodeName"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        var candidates: Set<String>?
        if !nodes.isEmpty {
            candidates = Set(nodes.filter { node in
                (nodeName.map { $0 == node.name } ?? true)
                    && selector.allSatisfy { node.labels[$0.key] == $0.value }
                    && (terms.map { $0.contains { Self.matches(term: $0, node) } } ?? true)
                    && node.taints.allSatisfy { taint in
                        (nodeName != nil && !Self.evicts(taint)) || tolerations.contains { Self.tolerates($0, taint) }
                    }
            }.map(\.name))
        }
        return PodPlacement(pod: pod, runtime: runtime, nodeSelector: selector, nodes: candidates, nodeName: nodeName)
    }

    /// True for a taint that keeps off even a pod bound to the node by `spec.nodeName`: `NoExecute`.
    static func evicts(_ taint: Node) -> Bool {
        taint["effect"]?.string == "NoExecute"
    }

    /// A node selector term: every expression matches (`matchFields` is read for `metadata.name`).
    private static func matches(term: Node, _ node: NodeInfo) -> Bool {
        let expressions = (term["matchExpressions"]?.items ?? []).map { ($0, node.labels) }
            + (term["matchFields"]?.items ?? []).map { ($0, ["metadata.name": node.name]) }
        guard !expressions.isEmpty else { return false }
        return expressions.allSatisfy { expression, labels in
            let key = expression["key"]?.string ?? ""
            let values = (expression["values"]?.items ?? []).compactMap(\.string)
            let value = labels[key]
            switch expression["operator"]?.string ?? "" {
            case "In": return value.map(values.contains) ?? false
            case "NotIn": return value.map { !values.contains($0) } ?? true
            case "Exists": return value != nil
            case "DoesNotExist": return value == nil
            case "Gt": return compare(value, values) { $0 > $1 }
            case "Lt": return compare(value, values) { $0 < $1 }
            default: return false
            }
        }
    }

    private static func compare(_ value: String?, _ values: [String], _ order: (Int, Int) -> Bool) -> Bool {
        guard let value = value.flatMap({ Int($0) }), values.count == 1, let bound = Int(values[0]) else { return false }
        return order(value, bound)
    }

    /// The scheduler's `ToleratesTaint`.
    static func tolerates(_ toleration: Node, _ taint: Node) -> Bool {
        let effect = toleration["effect"]?.string ?? ""
        guard effect.isEmpty || effect == taint["effect"]?.string else { return false }
        let key = toleration["key"]?.string ?? ""
        switch toleration["operator"]?.string ?? "Equal" {
        case "Exists": return key.isEmpty || key == taint["key"]?.string
        case "Equal": return key == taint["key"]?.string && (toleration["value"]?.string ?? "") == (taint["value"]?.string ?? "")
        default: return false
        }
    }
}
