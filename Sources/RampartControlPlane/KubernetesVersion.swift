/// A Kubernetes release, `MAJOR.MINOR[.PATCH]`, read from an image tag (`v1.30.2`), a Node's
/// `kubeletVersion` (`v1.29.4-eks-036c24b`) or a setting (`1.30`).
public struct KubernetesVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int?

    public init(major: Int, minor: Int, patch: Int? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `v1.30`, `1.30.2`, `v1.29.4-eks-036c24b`, `v1.31.0+k3s1`; nil for anything else.
    public init?(_ text: String) {
        var text = Substring(text)
        if text.first == "v" { text = text.dropFirst() }
        let core = text.prefix { $0.isNumber || $0 == "." }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 3, let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        self.init(major: major, minor: minor, patch: parts.count == 3 ? Int(parts[2]) : nil)
    }

    /// The version in an image reference's tag (`registry.k8s.io/kube-apiserver:v1.30.2@sha256:…`), if any.
    public init?(imageTag image: String) {
        let withoutDigest = image.split(separator: "@", maxSplits: 1).first.map(String.init) ?? image
        let lastComponent = withoutDigest.split(separator: "/").last.map(String.init) ?? withoutDigest
        guard let colon = lastComponent.lastIndex(of: ":") else { return nil }
        self.init(String(lastComponent[lastComponent.index(after: colon)...]))
    }

    /// `1.30` (the minor release).
    public var minorRelease: String { "\(major).\(minor)" }

    public var description: String { patch.map { "\(major).\(minor).\($0)" } ?? minorRelease }

    public static func < (lhs: KubernetesVersion, rhs: KubernetesVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch ?? 0) < (rhs.major, rhs.minor, rhs.patch ?? 0)
    }

    /// The minor release `1.minor` (patch ignored in comparisons as `.0`).
    public static func v1(_ minor: Int) -> KubernetesVersion { KubernetesVersion(major: 1, minor: minor) }
}
