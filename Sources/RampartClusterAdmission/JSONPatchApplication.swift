import RampartModel

/// Applies RFC 6902 JSON Patch operations (add, remove, replace, test, copy, move) to an object,
/// with RFC 6901 pointers (`~1` is `/`, `~0` is `~`, `-` appends to a list).
enum JSONPatchApplication {
    /// One operation as a mutation's `JSONPatch{...}` gives it.
    struct Operation {
        var op: String
        var path: String
        var from: String?
        var value: Node?

        init(_ node: Node) throws(MutationError) {
            guard let op = node["op"]?.string, let path = node["path"]?.string else {
                throw MutationError(message: "a JSONPatch needs op and path")
            }
            self.op = op
            self.path = path
            from = node["from"]?.string
            value = node["value"]
        }
    }

    /// `document` after `operation`.
    static func apply(_ operation: Operation, to document: Node) throws(MutationError) -> Node {
        let path = try pointer(operation.path)
        switch operation.op {
        case "add":
            return try write(try required(operation.value, operation), at: path[...], in: document, insert: true)
        case "replace":
            _ = try read(path[...], in: document)
            return try write(try required(operation.value, operation), at: path[...], in: document, insert: false)
        case "remove":
            return try remove(path[...], in: document)
        case "test":
            guard try read(path[...], in: document).sameValue(as: try required(operation.value, operation)) else {
                throw MutationError(message: "JSONPatch test failed at \(operation.path)")
            }
            return document
        case "copy", "move":
            guard let fromText = operation.from else { throw MutationError(message: "JSONPatch \(operation.op) needs from") }
            let from = try pointer(fromText)
            let value = try read(from[...], in: document)
            let source = operation.op == "move" ? try remove(from[...], in: document) : document
            return try write(value, at: path[...], in: source, insert: true)
        default:
            throw MutationError(message: "unknown JSONPatch op \(operation.op)")
        }
    }

    private static func required(_ value: Node?, _ operation: Operation) throws(MutationError) -> Node {
        guard let value else { throw MutationError(message: "JSONPatch \(operation.op) at \(operation.path) needs a value") }
        return value
    }

    /// The reference tokens of a JSON pointer.
    static func pointer(_ text: String) throws(MutationError) -> [String] {
        guard !text.isEmpty else { return [] }
        guard text.hasPrefix("/") else { throw MutationError(message: "JSONPatch path \(text) must start with /") }
        return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func index(_ token: String, count: Int, appending: Bool) throws(MutationError) -> Int {
        if appending && token == "-" { return count }
        guard let index = Int(token), index >= 0, String(index) == token, index < count + (appending ? 1 : 0) else {
            throw MutationError(message: "JSONPatch index \(token) out of range")
        }
        return index
    }

    private static func read(_ path: ArraySlice<String>, in node: Node) throws(MutationError) -> Node {
        guard let token = path.first else { return node }
        let child: Node?
        switch node.content {
        case .mapping: child = node[token]
        case .sequence(let items): child = items[try index(token, count: items.count, appending: false)]
        case .scalar: child = nil
        }
        guard let child else { throw MutationError(message: "JSONPatch path not found: /\(path.joined(separator: "/"))") }
        return try read(path.dropFirst(), in: child)
    }

    /// Sets `value` at `path`: the last token adds a key (or inserts into a list when `insert`),
    /// every token before it must exist.
    private static func write(_ value: Node, at path: ArraySlice<String>, in node: Node, insert: Bool) throws(MutationError) -> Node {
        guard let token = path.first else { return value }
        let last = path.count == 1
        switch node.content {
        case .mapping(var entries):
            let position = entries.lastIndex { $0.key == token }
            if last {
                if let position { entries[position].value = value } else {
                    entries.append(MappingEntry(key: token, keyMark: value.mark, value: value))
                }
            } else {
                guard let position else { throw MutationError(message: "JSONPatch path not found: /\(path.joined(separator: "/"))") }
                entries[position].value = try write(value, at: path.dropFirst(), in: entries[position].value, insert: insert)
            }
            return Node(.mapping(entries), mark: node.mark)
        case .sequence(var items):
            let at = try index(token, count: items.count, appending: last && insert)
            if last && insert { items.insert(value, at: at) } else if last { items[at] = value } else {
                items[at] = try write(value, at: path.dropFirst(), in: items[at], insert: insert)
            }
            return Node(.sequence(items), mark: node.mark)
        case .scalar:
            throw MutationError(message: "JSONPatch path not found: /\(path.joined(separator: "/"))")
        }
    }

    private static func remove(_ path: ArraySlice<String>, in node: Node) throws(MutationError) -> Node {
        guard let token = path.first else { throw MutationError(message: "JSONPatch cannot remove the whole object") }
        let notFound = MutationError(message: "JSONPatch path not found: /\(path.joined(separator: "/"))")
        switch node.content {
        case .mapping(var entries):
            guard let position = entries.lastIndex(where: { $0.key == token }) else { throw notFound }
            if path.count == 1 { entries.remove(at: position) } else {
                entries[position].value = try remove(path.dropFirst(), in: entries[position].value)
            }
            return Node(.mapping(entries), mark: node.mark)
        case .sequence(var items):
            let at = try index(token, count: items.count, appending: false)
            if path.count == 1 { items.remove(at: at) } else { items[at] = try remove(path.dropFirst(), in: items[at]) }
            return Node(.sequence(items), mark: node.mark)
        case .scalar:
            throw notFound
        }
    }
}
