/// A container image reference split as the container runtime reads it:
/// `[registry/]repository[:tag][@digest]`, with Docker Hub as the default registry.
public struct ImageReference: Sendable, Hashable {
    public var registry: String
    public var repository: String
    public var tag: String?
    public var digest: String?

    public init(_ reference: String) {
        // Byte-wise: every separator is ASCII, and the reference is split on each image rule's hot path.
        let bytes = reference.utf8
        var end = bytes.endIndex
        if let at = bytes.firstIndex(of: UInt8(ascii: "@")) {
            digest = String(reference[bytes.index(after: at)...])
            end = at
        }
        let firstSlash = bytes[..<end].firstIndex(of: UInt8(ascii: "/"))
        let lastSlash = bytes[..<end].lastIndex(of: UInt8(ascii: "/"))
        let nameStart = lastSlash.map { bytes.index(after: $0) } ?? bytes.startIndex
        if let colon = bytes[nameStart..<end].lastIndex(of: UInt8(ascii: ":")) {
            tag = String(reference[bytes.index(after: colon)..<end])
            end = colon
        }
        if let firstSlash, Self.isRegistry(bytes[..<firstSlash]) {
            registry = String(reference[..<firstSlash])
            repository = String(reference[bytes.index(after: firstSlash)..<end])
        } else {
            registry = "docker.io"
            repository = firstSlash == nil ? "library/" + reference[..<end] : String(reference[..<end])
        }
    }

    /// True when the first path component names a registry host rather than a Docker Hub user:
    /// it has a dot or a port, or is `localhost`.
    private static func isRegistry(_ component: Substring.UTF8View) -> Bool {
        component.contains(UInt8(ascii: ".")) || component.contains(UInt8(ascii: ":")) || component.elementsEqual("localhost".utf8)
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
