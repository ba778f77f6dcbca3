/// A Kubernetes CEL `kubernetes.Semver` value (`semver("...")`), parsed and compared as
/// `github.com/blang/semver/v4` does: strict `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`, or with the
/// library's version-1 normalization (`semver(text, true)`: a leading `v`, missing minor or patch, and
/// leading zeros are accepted).
///
/// Equality and ordering follow semver precedence: build metadata is ignored
/// (`semver("1.0.0+a") == semver("1.0.0+b")`). `description` is the version as blang prints it.
public struct KubeSemver: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The CEL type name.
    public static let celTypeName = "kubernetes.Semver"

    /// One dot-separated part of a pre-release: numeric parts rank below alphanumeric ones.
    public enum PrereleaseIdentifier: Sendable, Hashable, Comparable, CustomStringConvertible {
        case numeric(UInt64)
        case alphanumeric(String)

        /// Numeric identifiers by value, below alphanumeric ones, which compare by bytes.
        public static func < (left: PrereleaseIdentifier, right: PrereleaseIdentifier) -> Bool {
            switch (left, right) {
            case (.numeric(let a), .numeric(let b)): return a < b
            case (.numeric, .alphanumeric): return true
            case (.alphanumeric, .numeric): return false
            case (.alphanumeric(let a), .alphanumeric(let b)): return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
            }
        }

        /// The identifier as written.
        public var description: String {
            switch self {
            case .numeric(let value): return String(value)
            case .alphanumeric(let text): return text
            }
        }
    }

    /// The major version as parsed (blang keeps `uint64`).
    public let majorNumber: UInt64
    /// The minor version as parsed.
    public let minorNumber: UInt64
    /// The patch version as parsed.
    public let patchNumber: UInt64
    /// The dot-separated pre-release identifiers after `-` (empty for a release).
    public let prerelease: [PrereleaseIdentifier]
    /// The dot-separated build metadata after `+` (no part in precedence or equality).
    public let build: [String]

    /// `semver(text)` (strict) or `semver(text, true)` (normalized); the error is blang's or the
    /// normalizer's text (`No Major.Minor.Patch elements found`, `Invalid character(s) found in major
    /// number "x"`, `strconv.ParseUint: parsing "…": value out of range`, …).
    public init(_ text: String, normalize: Bool = false) throws(KubeLibraryError) {
        self = try KubeSemverParser.parse(normalize ? KubeSemverParser.normalized(text) : text)
    }

    init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: [PrereleaseIdentifier], build: [String]) {
        majorNumber = major
        minorNumber = minor
        patchNumber = patch
        self.prerelease = prerelease
        self.build = build
    }

    /// `isSemver(text)` / `isSemver(text, true)`: whether `semver` succeeds.
    public static func isValid(_ text: String, normalize: Bool = false) -> Bool {
        (try? KubeSemver(text, normalize: normalize)) != nil
    }

    /// `major()`: the major version as CEL's int (Kubernetes converts the `uint64`, wrapping above
    /// `Int64.max`).
    public var major: Int64 { Int64(truncatingIfNeeded: majorNumber) }
    /// `minor()`.
    public var minor: Int64 { Int64(truncatingIfNeeded: minorNumber) }
    /// `patch()`.
    public var patch: Int64 { Int64(truncatingIfNeeded: patchNumber) }

    /// `compareTo(other)`: -1, 0 or 1 by semver precedence.
    public func compare(to other: KubeSemver) -> Int64 {
        for (a, b) in [(majorNumber, other.majorNumber), (minorNumber, other.minorNumber), (patchNumber, other.patchNumber)] where a != b {
            return a < b ? -1 : 1
        }
        if prerelease.isEmpty || other.prerelease.isEmpty {
            if prerelease.isEmpty == other.prerelease.isEmpty { return 0 }
            return prerelease.isEmpty ? 1 : -1
        }
        for (a, b) in zip(prerelease, other.prerelease) where a != b {
            return a < b ? -1 : 1
        }
        if prerelease.count == other.prerelease.count { return 0 }
        return prerelease.count < other.prerelease.count ? -1 : 1
    }

    /// `isLessThan(other)`.
    public static func < (left: KubeSemver, right: KubeSemver) -> Bool { left.compare(to: right) < 0 }

    /// Same precedence (build metadata ignored).
    public static func == (left: KubeSemver, right: KubeSemver) -> Bool { left.compare(to: right) == 0 }

    /// Hashes what precedence compares (build metadata left out).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(majorNumber)
        hasher.combine(minorNumber)
        hasher.combine(patchNumber)
        hasher.combine(prerelease)
    }

    /// `MAJOR.MINOR.PATCH[-PRE][+BUILD]`.
    public var description: String {
        var text = "\(majorNumber).\(minorNumber).\(patchNumber)"
        if !prerelease.isEmpty { text += "-" + prerelease.map(\.description).joined(separator: ".") }
        if !build.isEmpty { text += "+" + build.joined(separator: ".") }
        return text
    }
}
