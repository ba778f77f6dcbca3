import Foundation

/// A Kubernetes resource Rampart writes objects of, and where its objects live in the API.
public struct ManagedResource: Sendable, Hashable {
    public var group: String
    public var version: String
    /// The plural, e.g. `reports`.
    public var resource: String
    public var namespaced: Bool

    public init(group: String, version: String, resource: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.resource = resource
        self.namespaced = namespaced
    }

    /// `/api/v1` for the core group, else `/apis/GROUP/VERSION`.
    var root: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }

    /// The list of its objects: in one namespace, or in every namespace (and cluster-scoped).
    func collection(namespace: String?) -> String {
        guard namespaced, let namespace else { return "\(root)/\(resource)" }
        return "\(root)/namespaces/\(Self.escape(namespace))/\(resource)"
    }

    /// One object.
    func path(namespace: String?, name: String) -> String {
        "\(collection(namespace: namespaced ? namespace : nil))/\(Self.escape(name))"
    }

    /// Kubernetes names are DNS labels; anything else is percent-encoded, not trusted into a path.
    static func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "."])) ?? segment
    }
}

/// One object to apply: its resource, namespace, name and manifest (YAML, the apply-patch body).
public struct ManagedObject: Sendable {
    public var resource: ManagedResource
    public var namespace: String?
    public var name: String
    public var manifest: String

    public init(resource: ManagedResource, namespace: String?, name: String, manifest: String) {
        self.resource = resource
        self.namespace = namespace
        self.name = name
        self.manifest = manifest
    }

    var path: String { resource.path(namespace: namespace, name: name) }
}
