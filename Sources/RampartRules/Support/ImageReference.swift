/// A container image reference split and normalised as the container runtime reads it
/// (distribution/reference, `ParseNormalizedNamed`): `[registry/]repository[:tag][@digest]`.
///
/// - The first path component names a registry host only when it has a `.` or a `:` (a port), is
///   `localhost`, or has an upper-case letter (repositories are lower-case); otherwise the image is
///   on Docker Hub: `bitnami/redis` is `docker.io/bitnami/redis`, and `registry/app` too.
/// - `index.docker.io` is Docker Hub's legacy name for `docker.io`.
/// - On Docker Hub a one-component repository is an official image: `nginx`, `library/nginx`,
///   `docker.io/nginx` and `index.docker.io/library/nginx` are all `docker.io/library/nginx`.
/// - Registry hosts are compared in lower case (host names are case-insensitive).
///
/// The split is kept as byte offsets into the reference and the parts are made on demand: most
/// image rules only ask whether there is a digest or which tag it is, on every container of every
/// pod (and of every admission request).
public struct ImageReference: Sendable, Hashable {
    /// The reference as written.
    public let text: String
    /// Where the repository starts: after the registry's slash, or 0 when no registry is written.
    private let repositoryStart: Int
    /// Where the repository ends: at the tag's colon, the digest's `@`, or the end.
    private let repositoryEnd: Int
    /// Where the tag ends (the `@` or the end); equal to `repositoryEnd` when there is no tag.
    private let tagEnd: Int
    /// Where the `@` before the digest is, if any.
    private let digestMark: Int?
    /// True when the image is on Docker Hub: no registry written, `docker.io` or `index.docker.io`.
    private let isDockerHub: Bool

    /// Docker Hub's canonical registry name.
    public static let dockerHub = "docker.io"
    /// Docker Hub's legacy name (the "Docker Index"), normalised to `docker.io`.
    static let legacyDockerHub = "index.docker.io"
    /// The namespace of Docker Hub's official images.
    static let officialNamespace = "library"

    public init(_ reference: String) {
        text = reference
        var reference = reference
        (repositoryStart, repositoryEnd, tagEnd, digestMark, isDockerHub) = reference.withUTF8(Self.split)
    }

    /// The offsets of the parts of `bytes` (see the stored properties).
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int, Int?, Bool) {
        let digestMark = bytes.firstIndex(of: UInt8(ascii: "@"))
        let end = digestMark ?? bytes.count
        let named = UnsafeBufferPointer(rebasing: bytes[..<end])
        let nameStart = named.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        let colon = named[nameStart...].lastIndex(of: UInt8(ascii: ":"))
        var repositoryStart = 0
        var isDockerHub = true
        if let firstSlash = named.firstIndex(of: UInt8(ascii: "/")), isRegistryHost(named[..<firstSlash]) {
            repositoryStart = firstSlash + 1
            isDockerHub = isDockerHubHost(named[..<firstSlash])
        }
        return (repositoryStart, colon ?? end, end, digestMark, isDockerHub)
    }

    /// True when the first path component names a registry host rather than a Docker Hub namespace:
    /// it has a dot, a port or an upper-case letter, or is `localhost`.
    static func isRegistryHost<Bytes: Collection<UInt8>>(_ component: Bytes) -> Bool {
        component.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
            || component.elementsEqual("localhost".utf8)
    }

    /// True when the host is `docker.io` or `index.docker.io`, in any case.
    static func isDockerHubHost<Bytes: Collection<UInt8>>(_ host: Bytes) -> Bool {
        equalsIgnoringCase(host, dockerHub) || equalsIgnoringCase(host, legacyDockerHub)
    }

    /// The registry host (with its port), lower-case; `docker.io` for Docker Hub by any of its names.
    public var registry: String { isDockerHub ? Self.dockerHub : part(0, repositoryStart - 1).lowercased() }

    /// The repository path; Docker Hub's official images get their `library/` prefix.
    public var repository: String {
        let path = part(repositoryStart, repositoryEnd)
        return isDockerHub && !path.utf8.contains(UInt8(ascii: "/")) ? Self.officialNamespace + "/" + path : path
    }

    /// The tag, if the reference has one.
    public var tag: String? { tagEnd > repositoryEnd ? part(repositoryEnd + 1, tagEnd) : nil }

    /// The digest (`sha256:…`), if the reference has one.
    public var digest: String? { digestMark.map { part($0 + 1, text.utf8.count) } }

    /// `registry/repository`, normalised: the name allow-list entries are compared with.
    public var qualifiedName: String { registry + "/" + repository }

    /// True when the reference names a mutable tag: no digest pin.
    public var isPinned: Bool { digestMark != nil }

    /// True when the image resolves to `latest`: no tag and no digest, or the tag `latest` itself.
    public var isLatest: Bool {
        digestMark == nil && (tagEnd == repositoryEnd || text.utf8.dropFirst(repositoryEnd + 1).elementsEqual("latest".utf8))
    }

    /// True when `entry` (`registry.example.com`, `ghcr.io/org`, `docker.io/library`) allows this
    /// image. Entries are normalised by `AllowedRegistry`; build those once when checking many images.
    public func isAllowed(by entry: String) -> Bool {
        AllowedRegistry(entry).allows(self)
    }

    /// True when `entry` allows this image.
    public func isAllowed(by entry: AllowedRegistry) -> Bool {
        entry.allows(self)
    }

    /// The text between two byte offsets.
    private func part(_ start: Int, _ end: Int) -> String {
        let bytes = text.utf8
        return String(text[bytes.index(bytes.startIndex, offsetBy: start)..<bytes.index(bytes.startIndex, offsetBy: end)])
    }

    /// True when `bytes` spell `word` (lower-case ASCII) in any case.
    private static func equalsIgnoringCase<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ word: String) -> Bool {
        bytes.elementsEqual(word.utf8) { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0) == $1 }
    }
}

/// An entry of the registry allow-list (`registries:` in the configuration), normalised as image
/// references are, and matched by whole path components: `ghcr.io/example` allows
/// `ghcr.io/example/app` but not `ghcr.io/example-evil/app`.
///
/// An entry is a prefix of `registry/repository`, not an image, so only its registry is completed:
/// - a first component that is a registry host (see `ImageReference`) stays, lower-cased;
///   `index.docker.io` becomes `docker.io`;
/// - otherwise the entry is a Docker Hub path: `library` is `docker.io/library` (every official
///   image), `bitnami` is `docker.io/bitnami`;
/// - a Docker Hub entry of one component (`bitnami`, `docker.io/nginx`) allows that namespace and
///   also the official image of that name, which is what `docker.io/nginx` means as an image
///   reference: `docker.io/nginx` allows `nginx:1.27` (`docker.io/library/nginx`).
///
/// `library/` is not inserted into longer entries: `docker.io/bitnami` keeps meaning the `bitnami`
/// namespace. A trailing `/` is ignored.
public struct AllowedRegistry: Sendable, Hashable, CustomStringConvertible {
    /// The entry as written.
    public let entry: String
    /// The normalised prefix (`docker.io/library`, `ghcr.io/org`, `registry.example.com:5000`).
    public let prefix: String
    /// For a one-component Docker Hub entry, the official image it also names (`docker.io/library/nginx`).
    public let officialImage: String?

    public init(_ entry: String) {
        self.entry = entry
        var path = Substring(entry.trimmingWhitespace)
        while path.hasSuffix("/") { path = path.dropLast() }
        let components = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let first = components.first ?? ""
        let rest = components.count > 1 ? components[1] : nil
        let hub = ImageReference.dockerHub
        // A lone `docker.io` or `index.docker.io` is the registry itself, even without a slash.
        if ImageReference.isDockerHubHost(first.utf8) {
            prefix = rest.map { hub + "/" + $0 } ?? hub
        } else if ImageReference.isRegistryHost(first.utf8) {
            prefix = first.lowercased() + (rest.map { "/" + $0 } ?? "")
        } else {
            prefix = path.isEmpty ? "" : hub + "/" + path  // an empty entry allows nothing
        }
        let hubPath = prefix.hasPrefix(hub + "/") ? prefix.dropFirst(hub.utf8.count + 1) : nil
        if let hubPath, !hubPath.contains("/"), hubPath != ImageReference.officialNamespace {
            officialImage = hub + "/" + ImageReference.officialNamespace + "/" + hubPath
        } else {
            officialImage = nil
        }
    }

    /// True when `image` is under this entry, by whole path components.
    public func allows(_ image: ImageReference) -> Bool {
        let name = image.qualifiedName
        return Self.isUnder(name, prefix) || officialImage.map { Self.isUnder(name, $0) } == true
    }

    public var description: String { entry }

    /// True when `name` is `prefix` or starts with `prefix/`.
    private static func isUnder(_ name: String, _ prefix: String) -> Bool {
        name.utf8.starts(with: prefix.utf8)
            && (name.utf8.count == prefix.utf8.count || name.utf8.dropFirst(prefix.utf8.count).first == UInt8(ascii: "/"))
    }
}
