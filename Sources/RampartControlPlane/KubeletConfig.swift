import RampartModel

/// A `KubeletConfiguration` (kubelet.config.k8s.io) with the defaults of its v1beta1 API applied:
/// what the kubelet runs with when a field is left out of the file (not the command-line defaults,
/// which are weaker: the read-only port 10255 and anonymous authentication are on there).
public struct KubeletConfig: Sendable {
    public let object: KubeObject

    public init?(_ object: KubeObject) {
        guard object.kind == "KubeletConfiguration", object.reference.group == "kubelet.config.k8s.io" else { return nil }
        self.object = object
    }

    /// The field at `path`, if it is written.
    public func field(_ path: FieldPath) -> Node? { object.root[path] }

    /// A boolean field, or `defaultValue` when it is not written.
    public func bool(_ path: FieldPath, default defaultValue: Bool) -> Bool {
        field(path)?.bool ?? defaultValue
    }

    /// An integer field, or `defaultValue` when it is not written.
    public func int(_ path: FieldPath, default defaultValue: Int) -> Int {
        field(path)?.int ?? defaultValue
    }

    /// `authorization.mode` (default `Webhook`).
    public var authorizationMode: String { field("authorization.mode")?.string ?? "Webhook" }
    /// `readOnlyPort` (default 0: disabled).
    public var readOnlyPort: Int { int("readOnlyPort", default: 0) }
    /// `featureGates` as written.
    public var featureGates: [String: Bool] {
        var gates: [String: Bool] = [:]
        for entry in field("featureGates")?.entries ?? [] { gates[entry.key] = entry.value.bool }
        return gates
    }
}
