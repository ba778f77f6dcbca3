import RampartModel

/// The resources of a container as the API server admits it: its own requests and limits, then the
/// pod-level resources that bound every container of the pod (`spec.resources`, beta and on by
/// default from Kubernetes 1.34), then the defaults of its namespace's LimitRanges (LimitRanger
/// admission), then requests defaulted from limits.
public struct EffectiveResources: Sendable {
    /// Per resource (`cpu`, `memory`): where the value comes from, if anywhere.
    public enum Origin: Sendable, Equatable {
        case container
        /// The pod's own `spec.resources`: the pod as a whole is bounded, its containers within it.
        case pod
        case limitRange(name: String)
        case limit
    }

    /// Resources with a limit, and where each comes from, in the order found. (Short lists, not
    /// dictionaries: a container names two or three resources, and building two dictionaries per
    /// container was most of the resource rules' time at admission.)
    public private(set) var limits: [(resource: String, origin: Origin)] = []
    /// Resources with a request, and where each comes from.
    public private(set) var requests: [(resource: String, origin: Origin)] = []

    /// Resources of `container` of a pod with spec `podSpec`, admitted in a namespace with `limitRanges`.
    public init(container: Container, podSpec: Node?, limitRanges: [KubeObject]) {
        let resources = container.node["resources"]
        for entry in resources?["limits"]?.entries ?? [] { Self.set(entry.key, .container, in: &limits) }
        for entry in resources?["requests"]?.entries ?? [] { Self.set(entry.key, .container, in: &requests) }
        let podResources = podSpec?["resources"]
        for entry in podResources?["limits"]?.entries ?? [] { Self.set(entry.key, .pod, in: &limits, keepingExisting: true) }
        for entry in podResources?["requests"]?.entries ?? [] { Self.set(entry.key, .pod, in: &requests, keepingExisting: true) }
        for limitRange in limitRanges {
            for item in limitRange.root["spec"]?["limits"]?.items ?? [] where item["type"]?.string == "Container" {
                let origin = Origin.limitRange(name: limitRange.name)
                for entry in item["default"]?.entries ?? [] {
                    Self.set(entry.key, origin, in: &limits, keepingExisting: true)
                    Self.set(entry.key, origin, in: &requests, keepingExisting: true)
                }
                for entry in item["defaultRequest"]?.entries ?? [] {
                    Self.set(entry.key, origin, in: &requests, keepingExisting: true)
                }
            }
        }
        for (resource, _) in limits { Self.set(resource, .limit, in: &requests, keepingExisting: true) }
    }

    /// Where the limit of `resource` comes from, or nil when it has none.
    public func limit(_ resource: String) -> Origin? {
        limits.first { $0.resource == resource }?.origin
    }

    /// Where the request of `resource` comes from, or nil when it has none.
    public func request(_ resource: String) -> Origin? {
        requests.first { $0.resource == resource }?.origin
    }

    /// Records `origin` for `resource`: the last one wins, or the first with `keepingExisting`.
    private static func set(_ resource: String, _ origin: Origin, in list: inout [(resource: String, origin: Origin)],
                            keepingExisting: Bool = false) {
        if let index = list.firstIndex(where: { $0.resource == resource }) {
            if !keepingExisting { list[index].origin = origin }
        } else {
            list.append((resource, origin))
        }
    }

    /// Notes for a finding: which pod-level resources and LimitRange defaults were applied.
    public var appliedDefaults: [String] {
        var names: [String] = []
        for (_, origin) in limits + requests {
            if case .limitRange(let name) = origin, !names.contains(name) { names.append(name) }
        }
        let podLevel = (limits + requests).filter { $0.origin == .pod }.map(\.resource)
        let podNote = podLevel.isEmpty ? [] : ["pod-level resources (spec.resources) bound \(Set(podLevel).sorted().joined(separator: ", ")) for every container"]
        return podNote + names.sorted().map { "defaults of LimitRange \($0) applied, as the API server would" }
    }
}

/// Objects of one kind grouped by namespace, built once per audit and shared by the rules that need them.
public struct NamespacedObjects: Sendable {
    public let byNamespace: [String: [KubeObject]]

    public init(_ objects: [KubeObject]) {
        byNamespace = Dictionary(grouping: objects) { $0.namespace ?? "default" }
    }

    public subscript(namespace: String) -> [KubeObject] { byNamespace[namespace] ?? [] }
}

/// The namespace's LimitRanges, for admission defaults.
struct LimitRanges: Sendable {
    let objects: NamespacedObjects
}

/// The namespace's ResourceQuotas.
struct ResourceQuotas: Sendable {
    let objects: NamespacedObjects
}

extension AuditContext {
    /// The LimitRanges of `namespace` among the inputs.
    func limitRanges(in namespace: String) -> [KubeObject] {
        shared(LimitRanges.self) { LimitRanges(objects: NamespacedObjects($0.objects(ofKind: "LimitRange"))) }.objects[namespace]
    }

    /// The ResourceQuotas of `namespace` among the inputs.
    func resourceQuotas(in namespace: String) -> [KubeObject] {
        shared(ResourceQuotas.self) { ResourceQuotas(objects: NamespacedObjects($0.objects(ofKind: "ResourceQuota"))) }.objects[namespace]
    }
}
