/// A level at a version: what one mode (enforce, audit, warn) of a namespace applies.
public struct LevelVersion: Sendable, Hashable, CustomStringConvertible {
    public var level: PolicyLevel
    public var version: PolicyVersion

    public init(level: PolicyLevel, version: PolicyVersion) {
        self.level = level
        self.version = version
    }

    public var description: String { "\(level.rawValue):\(version)" }
}

/// The Pod Security policy of a namespace, from its `pod-security.kubernetes.io/*` labels, as
/// upstream's `api.PolicyToEvaluate` resolves it.
///
/// A mode without a label keeps the default (the admission's built-in default is
/// `privileged:latest` for all three modes). An invalid enforce level is evaluated as
/// `restricted` (fail closed); an invalid audit or warn level as `privileged` (fail open); an
/// invalid version as `latest`. Every invalid value is reported in `errors`.
public struct NamespacePolicy: Sendable, Hashable {
    public var enforce: LevelVersion
    public var audit: LevelVersion
    public var warn: LevelVersion
    /// One message per invalid label value, upstream-style
    /// (`metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": …`).
    public var errors: [String]

    public static let labelPrefix = "pod-security.kubernetes.io/"
    public static let enforceLabel = labelPrefix + "enforce"
    public static let auditLabel = labelPrefix + "audit"
    public static let warnLabel = labelPrefix + "warn"

    /// The admission's default when no label is set: everything privileged at latest.
    public static let defaultMode = LevelVersion(level: .privileged, version: .latest)

    /// The policy of a namespace with `labels`, starting from `defaults` for modes without labels.
    public init(labels: [String: String], defaults: LevelVersion = NamespacePolicy.defaultMode) {
        var errors: [String] = []
        enforce = Self.mode(Self.enforceLabel, labels, defaults, invalidLevel: .restricted, &errors)
        audit = Self.mode(Self.auditLabel, labels, defaults, invalidLevel: .privileged, &errors)
        warn = Self.mode(Self.warnLabel, labels, defaults, invalidLevel: .privileged, &errors)
        self.errors = errors
    }

    /// True when the namespace sets an enforce level label (valid or not).
    public static func hasEnforceLabel(_ labels: [String: String]) -> Bool {
        labels[enforceLabel] != nil
    }

    private static func mode(_ label: String, _ labels: [String: String], _ defaults: LevelVersion,
                             invalidLevel: PolicyLevel, _ errors: inout [String]) -> LevelVersion {
        var mode = defaults
        if let text = labels[label] {
            if let level = PolicyLevel(parsing: text) {
                mode.level = level
            } else {
                mode.level = invalidLevel
                errors.append(invalid(label, text, "must be one of privileged, baseline, restricted"))
            }
        }
        let versionLabel = label + "-version"
        if let text = labels[versionLabel] {
            if let version = PolicyVersion(parsing: text) {
                mode.version = version
            } else {
                mode.version = .latest
                errors.append(invalid(versionLabel, text, "must be \"latest\" or \"v1.x\""))
            }
        }
        return mode
    }

    private static func invalid(_ label: String, _ value: String, _ reason: String) -> String {
        "metadata.labels[\(label)]: Invalid value: \"\(value)\": \(reason)"
    }
}
