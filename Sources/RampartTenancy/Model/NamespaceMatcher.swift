import RampartModel

/// Which namespaces belong to a tenant: exact names, globs (`customer-acme-*`), and/or a namespace
/// label selector. A namespace belongs when any of them matches.
public struct NamespaceMatcher: Sendable {
    public var names: [String]
    public var selector: LabelSelector?

    public init(names: [String] = [], selector: LabelSelector? = nil) {
        self.names = names
        self.selector = selector
    }

    public func matches(_ namespace: String, labels: [String: String]) -> Bool {
        if names.contains(where: { Glob.matches($0, namespace) }) { return true }
        return selector.map { !$0.isEmpty && $0.matches(labels) } ?? false
    }
}

/// Shell-style globs for namespace names: `*` any run of characters, `?` one character.
enum Glob {
    /// True when `pattern` has a wildcard (else it matches only itself).
    static func isPattern(_ pattern: String) -> Bool {
        pattern.contains("*") || pattern.contains("?")
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard isPattern(pattern) else { return pattern == text }
        return matches(Array(pattern.utf8)[...], Array(text.utf8)[...])
    }

    private static func matches(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case UInt8(ascii: "*"):
            let rest = pattern.dropFirst()
            var index = text.startIndex
            while true {
                if matches(rest, text[index...]) { return true }
                if index == text.endIndex { return false }
                index += 1
            }
        case UInt8(ascii: "?"):
            return !text.isEmpty && matches(pattern.dropFirst(), text.dropFirst())
        default:
            return text.first == first && matches(pattern.dropFirst(), text.dropFirst())
        }
    }
}
