/// A container image reference split as the container runtime reads it:
/// `[registry/]repository[:tag][@digest]`, with Docker Hub as the default registry.
public struct ImageReference: Sendable, Hashable {
    public var registry: String
    public var repository: String
    public var tag: String?
    public var digest: String?

    public init(_ reference: String) {
        var rest = Substring(reference)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        let lastSlash = rest.lastIndex(of: "/")
        let nameStart = lastSlash.map { rest.index(after: $0) } ?? rest.startIndex
        if let colon = rest[nameStart...].lastIndex(of: ":") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        let first = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        if first.count == 2, first[0].contains(".") || first[0].contains(":") || first[0] == "localhost" {
            registry = String(first[0])
            repository = String(first[1])
        } else {
            registry = "docker.io"
            repository = first.count == 2 || rest.contains("/") ? String(rest) : "library/" + rest
        }
    }

    /// `registry/repository`, the name an allow-list entry is compared with.
    public var qualifiedName: String { registry + "/" + repository }

    /// True when the reference names a mutable tag: no digest pin.
    public var isPinned: Bool { digest != nil }

    /// True when the image resolves to `latest`: no tag and no digest, or the tag `latest` itself.
    public var isLatest: Bool { digest == nil && (tag == nil || tag == "latest") }

    /// True when `entry` (`registry.example.com` or `ghcr.io/org`) allows this image.
    public func isAllowed(by entry: String) -> Bool {
        let prefix = entry.hasSuffix("/") ? String(entry.dropLast()) : entry
        return qualifiedName == prefix || qualifiedName.hasPrefix(prefix + "/")
    }
}
