/// A path to a field inside an object, rendered the way Kubernetes error messages write it:
/// `spec.template.spec.containers[0].securityContext.privileged`, keys with dots or slashes in
/// brackets (`metadata.annotations['rampart.dev/ignore']`).
public struct FieldPath: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// A path of plain keys written with dots, such as `"spec.template.spec"`.
    public init(stringLiteral value: String) {
        components = value.isEmpty ? [] : value.split(separator: ".").map { .key(String($0)) }
    }

    public func appending(_ key: String) -> FieldPath {
        FieldPath(components + [.key(key)])
    }

    public func appending(index: Int) -> FieldPath {
        FieldPath(components + [.index(index)])
    }

    public func appending(_ other: FieldPath) -> FieldPath {
        FieldPath(components + other.components)
    }

    public var description: String {
        var text = TextBuffer()
        for component in components {
            switch component {
            case .key(let key) where key.utf8.contains(where: Self.needsBrackets):
                text.append("['")
                text.append(key)
                text.append("']")
            case .key(let key):
                if !text.isEmpty { text.append(ascii: ".") }
                text.append(key)
            case .index(let index):
                text.append(ascii: "[")
                text.append(String(index))
                text.append(ascii: "]")
            }
        }
        return text.text
    }

    /// Bytes that make a key be written in brackets: dot, slash and space.
    private static func needsBrackets(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: " ")
    }
}
