import RampartModel

/// A port a pod's container serves, for resolving named ports.
public struct ServedPort: Sendable, Hashable, Comparable {
    public let name: String?
    public let port: Int
    public let proto: NetworkProtocol

    public static func < (lhs: ServedPort, rhs: ServedPort) -> Bool {
        (lhs.port, lhs.proto, lhs.name ?? "") < (rhs.port, rhs.proto, rhs.name ?? "")
    }
}

/// The workload a pod belongs to: its top owner among the inputs, else its owner reference, else the pod.
public struct WorkloadID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let kind: String
    public let namespace: String
    public let name: String

    public init(kind: String, namespace: String, name: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    public static func < (lhs: WorkloadID, rhs: WorkloadID) -> Bool {
        (lhs.namespace, lhs.name, lhs.kind) < (rhs.namespace, rhs.name, rhs.kind)
    }

    /// `namespace/name[Kind]`, as np-guard writes workloads.
    public var description: String { "\(namespace)/\(name)[\(kind)]" }
}

/// A pod as the network sees it: a Pod object, or one representative pod of a workload template.
public struct NetworkPod: Sendable {
    /// `namespace/name`: the Pod's name, or the workload's for a template (the kind is added on a clash).
    public let id: String
    public let namespace: String
    public let labels: [String: String]
    /// The pod's service account (`default` when none is named).
    public let serviceAccount: String
    /// Addresses from `status.podIP` and `status.podIPs`.
    public let addresses: [IPAddress]
    public let ports: [ServedPort]
    public let workload: WorkloadID
    /// The object that carries the pod (the Pod or the workload).
    public let object: KubeObject

    /// The label Cilium gives a pod for its service account; selectors match it beside the pod's labels.
    public static let serviceAccountLabel = "io.cilium.k8s.policy.serviceaccount"

    /// The labels selectors match: the pod's own and its service account's (`serviceAccountLabel`).
    var selectableLabels: [String: String] {
        labels.merging([Self.serviceAccountLabel: serviceAccount]) { own, _ in own }
    }

    /// The container ports named `name` with protocol `proto`.
    public func ports(named name: String, proto: NetworkProtocol) -> [Int] {
        ports.filter { $0.name == name && $0.proto == proto }.map(\.port)
    }
}

extension NetworkPod {
    /// Every pod of the inventory: Pod objects and one representative per workload template
    /// (`PodTemplate` objects are not workloads and are left out).
    static func all(in inventory: Inventory) -> [NetworkPod] {
        let templates = inventory.podTemplates.filter { $0.object.kind != "PodTemplate" }
        var nameCounts: [String: Int] = [:]
        for template in templates { nameCounts["\(template.namespace)/\(template.object.name)", default: 0] += 1 }
        let counts = nameCounts
        // On every core: the network analysis, which waits for these, is on the audit's longest path.
        return templates.concurrentMap(chunk: Self.podChunk, scratch: {}) { template, _ in
            let plain = "\(template.namespace)/\(template.object.name)"
            let id = (counts[plain] ?? 0) > 1 && template.object.kind != "Pod" ? "\(plain)[\(template.object.kind)]" : plain
            return NetworkPod(id: id, namespace: template.namespace, labels: template.labels, serviceAccount: template.serviceAccountName,
                              addresses: addresses(of: template.object), ports: servedPorts(template),
                              workload: workload(of: template.object, in: inventory), object: template.object)
        }
    }

    /// Pods per unit of parallel work.
    private static let podChunk = 256

    private static func addresses(of object: KubeObject) -> [IPAddress] {
        guard object.kind == "Pod", let status = object.root["status"] else { return [] }
        let texts = [status["podIP"]?.string] + (status["podIPs"]?.items ?? []).map { $0["ip"]?.string }
        var seen: Set<IPAddress> = []
        return texts.compactMap { $0.flatMap(IPAddress.init) }.filter { seen.insert($0).inserted }
    }

    private static func servedPorts(_ template: PodTemplate) -> [ServedPort] {
        template.containers.flatMap { container in
            (container.node["ports"]?.items ?? []).compactMap { port -> ServedPort? in
                guard let number = port["containerPort"]?.int,
                      let proto = NetworkProtocol(rawValue: port["protocol"]?.string ?? "TCP") else { return nil }
                return ServedPort(name: port["name"]?.string, port: number, proto: proto)
            }
        }.sorted()
    }

    /// Follows controller owner references through the inputs to the top owner.
    static func workload(of object: KubeObject, in inventory: Inventory) -> WorkloadID {
        let namespace = object.namespace ?? "default"
        var current = WorkloadID(kind: object.kind, namespace: namespace, name: object.name)
        var node = object
        var visited: Set<WorkloadID> = [current]
        while let owner = owner(of: node) {
            let next = WorkloadID(kind: owner.kind, namespace: namespace, name: owner.name)
            guard visited.insert(next).inserted else { break }
            current = next
            guard let found = inventory.object(group: owner.group, kind: owner.kind, namespace: namespace, name: owner.name) else { break }
            node = found
        }
        return current
    }

    private static func owner(of object: KubeObject) -> (group: String, kind: String, name: String)? {
        let references = object.metadata?["ownerReferences"]?.items ?? []
        guard let chosen = references.first(where: { $0["controller"]?.bool == true }) ?? references.first,
              let kind = chosen["kind"]?.string, let name = chosen["name"]?.string else { return nil }
        let apiVersion = chosen["apiVersion"]?.string ?? ""
        let group = apiVersion.contains("/") ? String(apiVersion.prefix { $0 != "/" }) : ""
        return (group, kind, name)
    }
}
