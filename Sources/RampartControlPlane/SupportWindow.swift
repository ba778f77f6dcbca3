/// Which Kubernetes minor releases the upstream project still supports.
///
/// Rules are pure functions of their inputs, and the audit context carries no date, so "today" is
/// fixed here: `newestMinor` is the newest minor release when this table was last updated, and the
/// project supports the three newest minor releases (about 14 months each). Update `newestMinor`
/// with every Kubernetes release (three a year); the table below records the dates it stands for.
public enum SupportWindow {
    /// The newest Kubernetes minor release (1.37, August 2026; 1.38 is due in December 2026).
    public static let newestMinor = 37
    /// How many minor releases upstream supports at a time.
    public static let supportedReleases = 3

    /// The oldest supported minor release (1.35: end of life February 2027).
    public static var oldestSupported: KubernetesVersion { .v1(newestMinor - supportedReleases + 1) }

    /// True when `version` is older than the oldest supported minor release.
    public static func isEndOfLife(_ version: KubernetesVersion) -> Bool {
        version.major < 1 || (version.major == 1 && version.minor < newestMinor - supportedReleases + 1)
    }
}
