import RampartModel
import RampartPolicy
import RampartPSS

/// The namespace a request is judged in: puts the request's namespace into the object (the API
/// server fills it in after admission, so objects often arrive without it) and stands for the
/// Namespace object whose labels the configuration declares.
struct RequestScope {
    let namespace: String?
    let settings: NamespaceAdmission?

    /// The object under admission, with the request's namespace in its metadata.
    func object(_ root: Node) -> KubeObject? {
        guard let namespace, root["metadata"]?["namespace"]?.string != namespace else {
            return KubeObject(root: root, file: nil)
        }
        var metadata = root["metadata"]?.entries ?? []
        metadata.removeAll { $0.key == "namespace" }
        metadata.append(Self.entry("namespace", .scalar(Scalar(namespace, isPlain: false)), mark: root.mark))
        var entries = root.entries
        entries.removeAll { $0.key == "metadata" }
        entries.append(Self.entry("metadata", .mapping(metadata), mark: root["metadata"]?.mark ?? root.mark))
        return KubeObject(root: Node(.mapping(entries), mark: root.mark), file: nil)
    }

    /// The Namespace object with the labels the configuration declares (or with the enforce label of
    /// its configured Pod Security level), when it declares either.
    func namespaceObject() -> KubeObject? {
        guard let namespace else { return nil }
        guard let labels = settings?.labels ?? settings?.podSecurity.map({ [NamespacePolicy.enforceLabel: $0] }) else {
            return nil
        }
        let mark = SourceMark(line: 0, column: 0)
        func string(_ text: String) -> Node { Node(.scalar(Scalar(text, isPlain: false)), mark: mark) }
        let labelEntries = labels.sorted { $0.key < $1.key }.map { MappingEntry(key: $0.key, keyMark: mark, value: string($0.value)) }
        let metadata: [MappingEntry] = [
            MappingEntry(key: "name", keyMark: mark, value: string(namespace)),
            MappingEntry(key: "labels", keyMark: mark, value: Node(.mapping(labelEntries), mark: mark)),
        ]
        let root = Node(.mapping([
            MappingEntry(key: "apiVersion", keyMark: mark, value: string("v1")),
            MappingEntry(key: "kind", keyMark: mark, value: string("Namespace")),
            MappingEntry(key: "metadata", keyMark: mark, value: Node(.mapping(metadata), mark: mark)),
        ]), mark: mark)
        return KubeObject(root: root, file: nil)
    }

    private static func entry(_ key: String, _ content: Node.Content, mark: SourceMark) -> MappingEntry {
        MappingEntry(key: key, keyMark: mark, value: Node(content, mark: mark))
    }
}
