import RampartCEL
import RampartModel

/// A mutation's result that cannot become part of an object.
struct MutationError: Error, Sendable {
    var message: String
}

extension Node {
    /// The deepest value a mutation may write (deeper values are refused, never recursed into).
    static let mutationDepthLimit = 200

    /// The JSON value of a CEL result, as the API server turns a mutation's value into an object's
    /// field, marked at `mark` (the mutation expression's line). Strings are quoted scalars, so they
    /// stay strings however they read.
    init(celValue value: CELValue, at mark: SourceMark, depth: Int = 0) throws(MutationError) {
        guard depth < Self.mutationDepthLimit else { throw MutationError(message: "value nested too deeply") }
        switch value {
        case .null: self.init(.scalar(Scalar("null", isPlain: true)), mark: mark)
        case .bool(let b): self.init(.scalar(Scalar(b ? "true" : "false", isPlain: true)), mark: mark)
        case .int(let i): self.init(.scalar(Scalar(String(i), isPlain: true)), mark: mark)
        case .uint(let u): self.init(.scalar(Scalar(String(u), isPlain: true)), mark: mark)
        case .double(let d) where d.isFinite: self.init(.scalar(Scalar(String(d), isPlain: true)), mark: mark)
        case .string(let s): self.init(.scalar(Scalar(s, isPlain: false)), mark: mark)
        case .list(let items):
            var nodes: [Node] = []
            for item in items { nodes.append(try Node(celValue: item, at: mark, depth: depth + 1)) }
            self.init(.sequence(nodes), mark: mark)
        case .map(let map):
            var entries: [MappingEntry] = []
            for (key, item) in map.entries {
                guard case .string(let name) = key else { throw MutationError(message: "object keys must be strings, got \(key.celType)") }
                entries.append(MappingEntry(key: name, keyMark: mark, value: try Node(celValue: item, at: mark, depth: depth + 1)))
            }
            self.init(.mapping(entries), mark: mark)
        default:
            throw MutationError(message: "a \(value.celType) value cannot be written into an object")
        }
    }

    /// True when both nodes hold the same JSON value.
    func sameValue(as other: Node) -> Bool { CELValue(self) == CELValue(other) }
}
