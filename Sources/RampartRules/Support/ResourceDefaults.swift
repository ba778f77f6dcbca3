import RampartModel

/// The resources of a container as the API server admits it: its own requests and limits, then the
/// defaults of its namespace's LimitRanges (LimitRanger admission), then requests defaulted from limits.
public struct EffectiveResources: Sendable {
    /// Per resource (`cpu`, `memory`): where the value comes from, if anywhere.
    public enum Origin: Sendable, Equatable {
        case container
        case limitRange(name: String)
        case limit
    }

    public var limits: [String: Origin] = [:]
    public var requests: [String: Origin] = [:]

    /// Resources of `container` admitted in a namespace with `limitRanges`.
    public init(container: Container, limitRanges: [KubeObject]) {
        let resources = container.node["resources"]
        for entry in resources?["limits"]?.entries ?? [] { limits[entry.key] = .container }
        for entry in resources?["requests"]?.entries ?? [] { requests[entry.key] = .container }
        for limitRange in limitRanges {
            for item in limitRange.root["spec"]?["limits"]?.items ?? [] where item["type"]?.string == "Container" {
                let defaults = item["default"]?.entries.map(\.key) ?? []
                let defaultRequests = item["defaultRequest"]?.entries.map(\.key) ?? []
                for key in defaults where limits[key] == nil { limits[key] = .limitRange(name: limitRange.name) }
                for key in defaultRequests + defaults where requests[key] == nil {
                    requests[key] = .limitRange(name: limitRange.name)
                }
            }
        }
        for (key, _) in limits where requests[key] == nil { requests[key] = .limit }
    }

    /// Notes for a finding: which LimitRange defaults were applied.
    public var appliedDefaults: [String] {
        let names = Set((Array(limits.values) + Array(requests.values)).compactMap { origin -> String? in
            if case .limitRange(let name) = origin { return name }
            return nil
        })
        return names.sorted().map { "defaults of LimitRange \($0) applied, as the API server would" }
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
