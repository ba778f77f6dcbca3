/// One Kubernetes object as loaded: its value tree, where it came from, and its identity.
/// Objects of any kind are kept, custom resources included. The identity's namespace is where the
/// API server would store the object (see `ResourceScope`).
///
/// A class with constant properties: an object is handed to every rule, index and analysis, and a
/// copy is then one reference count, not one per string of its identity.
public final class KubeObject: Sendable {
    public let root: Node
    /// The file the object was read from; nil for objects read from a live cluster.
    public let file: String?
    public let reference: ObjectReference

    /// Builds an object from a mapping with `kind`; returns nil for documents that are not objects.
    public init?(root: Node, file: String?) {
        guard root.isMapping, let kind = root["kind"]?.string, !kind.isEmpty else { return nil }
        self.root = root
        self.file = file
        let metadata = root["metadata"]
        let apiVersion = root["apiVersion"]?.string ?? ""
        let group = apiVersion.firstIndex(of: "/").map { String(apiVersion[..<$0]) } ?? ""
        reference = ObjectReference(
            apiVersion: apiVersion,
            kind: kind,
            namespace: ResourceScope.namespace(group: group, kind: kind, written: metadata?["namespace"]?.string),
            name: metadata?["name"]?.string ?? metadata?["generateName"]?.string ?? "")
    }

    public var kind: String { reference.kind }
    public var name: String { reference.name }
    public var namespace: String? { reference.namespace }
    public var metadata: Node? { root["metadata"] }
    public var labels: [String: String] { metadata?["labels"]?.stringMap ?? [:] }
    public var annotations: [String: String] { metadata?["annotations"]?.stringMap ?? [:] }

    /// The location of the field at `path`, or of its nearest ancestor that exists: the line of its
    /// key (where a block mapping or list starts on the next line, the key is what names the field),
    /// or of the list item.
    public func location(of path: FieldPath) -> SourceLocation {
        var node = root
        var mark = root.mark
        for component in path.components {
            switch component {
            case .key(let key):
                guard let entry = node.entries.last(where: { $0.key == key }) else { return SourceLocation(file: file, mark: mark) }
                node = entry.value
                mark = entry.keyMark
            case .index(let index):
                guard let item = node[index] else { return SourceLocation(file: file, mark: mark) }
                node = item
                mark = item.mark
            }
        }
        return SourceLocation(file: file, mark: mark)
    }

    /// The owner reference marked `controller: true`, if any.
    public var controller: (group: String, kind: String, name: String, uid: String?)? {
        guard let owner = metadata?["ownerReferences"]?.items.first(where: { $0["controller"]?.bool == true }),
              let kind = owner["kind"]?.string, let name = owner["name"]?.string else { return nil }
        let apiVersion = owner["apiVersion"]?.string ?? ""
        let group = apiVersion.firstIndex(of: "/").map { String(apiVersion[..<$0]) } ?? ""
        return (group, kind, name, owner["uid"]?.string)
    }

    /// The location of the object itself.
    public var location: SourceLocation { SourceLocation(file: file, mark: root.mark) }
}
