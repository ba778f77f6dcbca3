/// A container image reference split as the container runtime reads it:
/// `[registry/]repository[:tag][@digest]`, with Docker Hub as the default registry.
///
/// The split is kept as byte offsets into the reference and the parts are made on demand: most
/// image rules only ask whether there is a digest or which tag it is, on every container of every
/// pod (and of every admission request).
public struct ImageReference: Sendable, Hashable {
    /// The reference as written.
    public let text: String
    /// Where the repository starts: after the registry's slash, or 0 on Docker Hub.
    private let repositoryStart: Int
    /// Where the repository ends: at the tag's colon, the digest's `@`, or the end.
    private let repositoryEnd: Int
    /// Where the tag ends (the `@` or the end); equal to `repositoryEnd` when there is no tag.
    private let tagEnd: Int
    /// Where the `@` before the digest is, if any.
    private let digestMark: Int?

    public init(_ reference: String) {
        text = reference
        var reference = reference
        (repositoryStart, repositoryEnd, tagEnd, digestMark) = reference.withUTF8(Self.split)
    }

    /// The offsets of the parts of `bytes` (see the stored properties).
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int, Int?) {
        let digestMark = bytes.firstIndex(of: UInt8(ascii: "@"))
        let end = digestMark ?? bytes.count
        let named = UnsafeBufferPointer(rebasing: bytes[..<end])
        let nameStart = named.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        let colon = named[nameStart...].lastIndex(of: UInt8(ascii: ":"))
        var repositoryStart = 0
        if let firstSlash = named.firstIndex(of: UInt8(ascii: "/")), isRegistry(named[..<firstSlash]) {
            repositoryStart = firstSlash + 1
        }
        return (repositoryStart, colon ?? end, end, digestMark)
    }

    /// True when the first path component names a registry host rather than a Docker Hub user:
    /// it has a dot or a port, or is `localhost`.
    private static func isRegistry(_ component: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        component.contains(UInt8(ascii: ".")) || component.contains(UInt8(ascii: ":")) || component.elementsEqual("localhost".utf8)
    }

    /// The registry host (with its port), `docker.io` when the reference names none.
    public var registry: String { repositoryStart == 0 ? "docker.io" : part(0, repositoryStart - 1) }

    /// The repository path; Docker Hub's official images get their `library/` prefix.
    public var repository: String {
        let path = part(repositoryStart, repositoryEnd)
        return repositoryStart == 0 && !path.utf8.contains(UInt8(ascii: "/")) ? "library/" + path : path
    }

    /// The tag, if the reference has one.
    public var tag: String? { tagEnd > repositoryEnd ? part(repositoryEnd + 1, tagEnd) : nil }

    /// The digest (`sha256:…`), if the reference has one.
    public var digest: String? { digestMark.map { part($0 + 1, text.utf8.count) } }

    /// `registry/repository`, the name an allow-list entry is compared with.
    public var qualifiedName: String { registry + "/" + repository }

    /// True when the reference names a mutable tag: no digest pin.
    public var isPinned: Bool { digestMark != nil }

    /// True when the image resolves to `latest`: no tag and no digest, or the tag `latest` itself.
    public var isLatest: Bool {
        digestMark == nil && (tagEnd == repositoryEnd || text.utf8.dropFirst(repositoryEnd + 1).elementsEqual("latest".utf8))
    }

    /// True when `entry` (`registry.example.com` or `ghcr.io/org`) allows this image.
    public func isAllowed(by entry: String) -> Bool {
        let prefix = entry.hasSuffix("/") ? String(entry.dropLast()) : entry
        return qualifiedName == prefix || qualifiedName.hasPrefix(prefix + "/")
    }

    /// The text between two byte offsets.
    private func part(_ start: Int, _ end: Int) -> String {
        let bytes = text.utf8
        return String(text[bytes.index(bytes.startIndex, offsetBy: start)..<bytes.index(bytes.startIndex, offsetBy: end)])
    }
}
