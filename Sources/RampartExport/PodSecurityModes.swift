/// Where a Pod Security check is in force, as CEL conditions over the level and version Rampart
/// judges the pod at (`variables.podSecurityLevel`, `variables.podSecurityMinor`), as upstream's
/// check registry decides: a check applies from the first version of its first revision; at
/// `restricted`, a baseline check that a restricted check replaces runs only at versions where
/// the replacing check does not exist yet.
enum PodSecurityModes {
    static let level = "variables.podSecurityLevel"
    static let minor = "variables.podSecurityMinor"

    /// A baseline check (also in force at `restricted`), from policy `v1.since`.
    static func baseline(since: Int = 0) -> String {
        "\(level) != 'privileged'" + (since > 0 ? " && \(minor) >= \(since)" : "")
    }

    /// A baseline check that a restricted check in force from `v1.replacedFrom` replaces.
    static func baseline(replacedAtRestrictedFrom replacedFrom: Int) -> String {
        replacedFrom == 0 ? "\(level) == 'baseline'"
            : "(\(level) == 'baseline' || \(level) == 'restricted' && \(minor) < \(replacedFrom))"
    }

    /// A restricted check, from policy `v1.since`.
    static func restricted(since: Int = 0) -> String {
        "\(level) == 'restricted'" + (since > 0 ? " && \(minor) >= \(since)" : "")
    }

    /// From policy v1.25, Windows pods (`spec.os.name: windows`) are exempt from some restricted checks.
    static let notWindowsSince25 = "!(\(minor) >= 25 && \(CELFields.field("variables.podSpec", "os.name")) == 'windows')"

    /// From policy v1.35, pods in a user namespace (`spec.hostUsers: false`) are exempt from some checks.
    static let notUserNamespaceSince35 = "!(\(minor) >= 35 && \(CELFields.field("variables.podSpec", "hostUsers")) == false)"
}
