import RampartModel

/// The configuration of the EventRateLimit admission plugin (eventratelimit.admission.k8s.io
/// `Configuration`, on its own or embedded in an `AdmissionConfiguration`): token buckets for Event
/// writes, one for the whole server, per namespace, per user, or per source and object.
public struct EventRateLimitConfig: Sendable {
    public let object: KubeObject
    /// Path from the object's root to the `Configuration`.
    public let configurationPath: FieldPath

    /// Every EventRateLimit configuration in `object`.
    public static func all(in object: KubeObject) -> [EventRateLimitConfig] {
        AdmissionPluginConfiguration.paths(in: object, plugin: "EventRateLimit", kind: "Configuration", group: "eventratelimit.admission.k8s.io")
            .map { EventRateLimitConfig(object: object, configurationPath: $0) }
    }

    /// The path of the `limits` list.
    public var limitsPath: FieldPath { configurationPath.appending("limits") }

    /// The `type` of each limit (`Server`, `Namespace`, `User`, `SourceAndObject`).
    public var limitTypes: [String] {
        (object.root[limitsPath]?.items ?? []).compactMap { $0["type"]?.string }
    }
}
