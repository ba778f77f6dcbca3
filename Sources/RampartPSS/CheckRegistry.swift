/// Every Pod Security Standards check, in one explicit list (baseline first, then restricted),
/// and the checks in force at each level and version, computed once.
enum CheckRegistry {
    static let checks: [PodSecurityCheck] = [
        .appArmorProfile,
        .capabilitiesBaseline,
        .hostNamespaces,
        .hostPathVolumes,
        .hostPorts,
        .hostProbesAndHostLifecycle,
        .privileged,
        .procMount,
        .seccompProfileBaseline,
        .seLinuxOptions,
        .sysctls,
        .windowsHostProcess,
        .allowPrivilegeEscalation,
        .capabilitiesRestricted,
        .procMountRestricted,
        .restrictedVolumes,
        .runAsNonRoot,
        .runAsUser,
        .seccompProfileRestricted,
    ]

    /// The newest minor version at which any check changed; `latest` and every newer version
    /// evaluate as this one (upstream's `maxVersion`).
    static let newestMinor: Int = checks.flatMap { $0.revisions.map(\.minimumMinor) }.max() ?? 0

    /// One check revision in force, with what a violation reports about it.
    struct Entry: Sendable {
        let id: String
        let level: PolicyLevel
        let revision: PodSecurityCheck.Revision
        /// A restricted check in force at this version replaces this baseline check: it runs and
        /// is reported at baseline only.
        let replacedAtRestricted: Bool
    }

    /// `table[level][minor]`: the revisions to run, for baseline (index 0) and restricted (index 1).
    /// The restricted rows keep the baseline checks that restricted replaces (marked), so that one
    /// evaluation serves a baseline and a restricted mode of the same version.
    private static let table: [[[Entry]]] = [PolicyLevel.baseline, .restricted].map { level in
        (0...newestMinor).map { minor in
            let replaced = Set(checks.filter { $0.level <= level && $0.revision(atMinor: minor) != nil }.compactMap(\.replaces))
            return checks.filter { $0.level <= level }.compactMap { check in
                check.revision(atMinor: minor).map {
                    Entry(id: check.id, level: check.level, revision: $0, replacedAtRestricted: replaced.contains(check.id))
                }
            }
        }
    }

    /// The checks to run for `level` at `version` (none for privileged).
    static func entries(level: PolicyLevel, version: PolicyVersion) -> [Entry] {
        let minor: Int
        switch version {
        case .latest: minor = newestMinor
        case .v1(let value): minor = min(max(value, 0), newestMinor)
        }
        switch level {
        case .privileged: return []
        case .baseline: return table[0][minor]
        case .restricted: return table[1][minor]
        }
    }
}
