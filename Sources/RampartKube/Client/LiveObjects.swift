import RampartLoading
import RampartModel

/// Turns the items of a list answer into `KubeObject`s without a file: `kind` and `apiVersion`
/// added (list items omit them), positions cleared (a live object has no line), `managedFields`
/// dropped, and for Secrets everything that could hold a value removed (`data`, `stringData`, the
/// last-applied annotation, which repeats them).
enum LiveObjects {
    static let noMark = SourceMark(line: 0, column: 0)
    static let lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

    /// One page of a list: its objects and the token of the next page (nil on the last).
    static func page(_ body: [UInt8], of resource: APIResource) -> (objects: [KubeObject], next: String?, error: InputError?) {
        let (documents, errors) = ManifestLoader.documents(body, file: resource.qualifiedName)
        guard let list = documents.first, errors.isEmpty else {
            // A position inside the API server's answer means nothing to the reader: name the resource.
            return ([], nil, errors.first.map { InputError(file: location(of: resource), line: 0, column: 0, message: $0.message) })
        }
        let objects = list["items"]?.items.compactMap { KubeObject(root: object(from: $0, resource), file: nil) } ?? []
        let next = list["metadata"]?["continue"]?.string
        return (objects, next.flatMap { $0.isEmpty ? nil : $0 }, nil)
    }

    /// Where an error about a live resource is said to be, e.g. `pods (live)`; it has no line.
    static func location(of resource: APIResource) -> String { "\(resource.qualifiedName) (live)" }

    /// The sanitised copy of one list item.
    static func object(from item: Node, _ resource: APIResource) -> Node {
        let isSecret = resource.group.isEmpty && resource.kind == "Secret"
        var entries = [
            MappingEntry(key: "apiVersion", keyMark: noMark, value: scalar(resource.apiVersion)),
            MappingEntry(key: "kind", keyMark: noMark, value: scalar(resource.kind)),
        ]
        for entry in item.entries where entry.key != "apiVersion" && entry.key != "kind" {
            if isSecret, entry.key == "data" || entry.key == "stringData" { continue }
            let value = entry.key == "metadata" ? metadata(entry.value, isSecret: isSecret) : unmarked(entry.value)
            entries.append(MappingEntry(key: entry.key, keyMark: noMark, value: value))
        }
        return Node(.mapping(entries), mark: noMark)
    }

    private static func metadata(_ node: Node, isSecret: Bool) -> Node {
        var entries: [MappingEntry] = []
        for entry in node.entries where entry.key != "managedFields" {
            var value = entry.value
            if isSecret, entry.key == "annotations" {
                value = Node(.mapping(value.entries.filter { $0.key != lastApplied }), mark: noMark)
            }
            entries.append(MappingEntry(key: entry.key, keyMark: noMark, value: unmarked(value)))
        }
        return Node(.mapping(entries), mark: noMark)
    }

    /// A copy of `node` with every position cleared.
    static func unmarked(_ node: Node) -> Node {
        switch node.content {
        case .scalar: return Node(node.content, mark: noMark)
        case .sequence(let items): return Node(.sequence(items.map(unmarked)), mark: noMark)
        case .mapping(let entries):
            return Node(.mapping(entries.map { MappingEntry(key: $0.key, keyMark: noMark, value: unmarked($0.value)) }), mark: noMark)
        }
    }

    private static func scalar(_ text: String) -> Node {
        Node(.scalar(Scalar(text, isPlain: false)), mark: noMark)
    }
}
