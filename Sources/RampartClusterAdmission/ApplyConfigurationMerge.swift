import RampartModel

/// Merges an apply configuration into an object as server-side apply does for the fields it sets,
/// recording the paths it changed: mappings merge key by key, a null removes the key, lists whose
/// items are all mappings with a string `name` (containers, volumes, env, ports with names, …) merge
/// item by item on `name`, every other list and scalar replaces what was there.
struct ApplyConfigurationMerge {
    /// The changed fields, as `spec.containers[name=sidecar].image`.
    private(set) var changed: [String] = []

    mutating func merge(_ patch: Node, into base: Node?, at path: String, depth: Int = 0) throws(MutationError) -> Node {
        guard depth < Node.mutationDepthLimit else { throw MutationError(message: "apply configuration nested too deeply") }
        switch (patch.content, base?.content) {
        case (.mapping(let patchEntries), .mapping(let baseEntries)?):
            var entries = baseEntries
            for entry in patchEntries {
                let child = path.isEmpty ? entry.key : path + "." + entry.key
                let position = entries.lastIndex { $0.key == entry.key }
                if entry.value.isNull {
                    if let position {
                        entries.remove(at: position)
                        changed.append(child)
                    }
                    continue
                }
                let merged = try merge(entry.value, into: position.map { entries[$0].value }, at: child, depth: depth + 1)
                if let position { entries[position].value = merged } else { entries.append(entry.withValue(merged)) }
            }
            return Node(.mapping(entries), mark: base?.mark ?? patch.mark)
        case (.sequence(let patchItems), .sequence(let baseItems)?) where Self.namedItems(patchItems) && Self.namedItems(baseItems):
            var items = baseItems
            for item in patchItems {
                let name = item["name"]?.string ?? ""
                let position = items.firstIndex { $0["name"]?.string == name }
                let merged = try merge(item, into: position.map { items[$0] }, at: "\(path)[name=\(name)]", depth: depth + 1)
                if let position { items[position] = merged } else { items.append(merged) }
            }
            return Node(.sequence(items), mark: base?.mark ?? patch.mark)
        default:
            if let base, base.sameValue(as: patch) { return base }
            changed.append(path)
            return Self.withoutNulls(patch)
        }
    }

    /// Nulls inside a new value set nothing.
    private static func withoutNulls(_ node: Node) -> Node {
        switch node.content {
        case .mapping(let entries):
            return Node(.mapping(entries.filter { !$0.value.isNull }.map { $0.withValue(withoutNulls($0.value)) }), mark: node.mark)
        case .sequence(let items):
            return Node(.sequence(items.map(withoutNulls)), mark: node.mark)
        case .scalar:
            return node
        }
    }

    private static func namedItems(_ items: [Node]) -> Bool {
        items.allSatisfy { $0["name"]?.string != nil }
    }
}

extension MappingEntry {
    func withValue(_ value: Node) -> MappingEntry { MappingEntry(key: key, keyMark: keyMark, value: value) }
}
