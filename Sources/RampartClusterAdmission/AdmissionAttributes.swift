import RampartModel

/// The operation of an admission request.
public enum AdmissionOperation: String, Sendable, CaseIterable {
    case create = "CREATE", update = "UPDATE", delete = "DELETE", connect = "CONNECT"
}

/// What the API server's admission chain knows of one request, as its policy plugins match and
/// evaluate it: the object (nil on DELETE), the old object (UPDATE and DELETE), the group, version,
/// kind and resource, and the namespace and name.
public struct AdmissionAttributes: Sendable {
    public var operation: AdmissionOperation
    public var object: KubeObject?
    public var oldObject: KubeObject?
    public var group: String
    public var version: String
    public var kind: String
    /// The plural resource (`deployments`).
    public var resource: String
    /// The subresource (`status`, `scale`), empty for the object itself.
    public var subresource: String
    /// Nil for cluster-scoped objects.
    public var namespace: String?
    public var name: String

    /// The request that creates (or updates, or deletes) `object` as written in a manifest.
    public init(operation: AdmissionOperation, object: KubeObject) {
        self.operation = operation
        self.object = operation == .delete ? nil : object
        self.oldObject = operation == .create ? nil : object
        let apiVersion = object.reference.apiVersion
        let slash = apiVersion.firstIndex(of: "/")
        group = slash.map { String(apiVersion[..<$0]) } ?? ""
        version = slash.map { String(apiVersion[apiVersion.index(after: $0)...]) } ?? apiVersion
        kind = object.kind
        resource = KindResources.resource(group: group, kind: object.kind)
        subresource = ""
        namespace = object.kind == "Namespace" && group.isEmpty ? nil : object.namespace
        name = object.name
    }

    /// The object the request is about: the new one, or on DELETE the old one.
    public var subject: KubeObject? { object ?? oldObject }
}
