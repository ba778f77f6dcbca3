import RampartModel

/// What a check found wrong with a pod: upstream's `CheckResult` for a pod that is not allowed.
struct CheckFailure {
    var reason: String
    var detail: String
    /// The offending fields, relative to the pod.
    var fields: [FieldPath]
}

/// One Pod Security Standards check: an upstream ID, the level it belongs to, and one
/// implementation per policy version, each applying from its minimum version until the next.
struct PodSecurityCheck: Sendable {
    /// One revision of a check.
    struct Revision: Sendable {
        /// The first `v1.MINOR` policy version this revision applies to.
        let minimumMinor: Int
        /// Nil when the pod passes.
        let evaluate: @Sendable (PodView) -> CheckFailure?
    }

    let id: String
    let level: PolicyLevel
    /// Revisions by strictly increasing `minimumMinor`.
    let revisions: [Revision]
    /// The baseline check this restricted check replaces wherever it is in force (upstream's
    /// `OverrideCheckIDs`): at restricted, only the stricter form runs and is reported.
    let replaces: String?

    init(id: String, level: PolicyLevel, replaces: String? = nil,
         revisions: [(minimumMinor: Int, evaluate: @Sendable (PodView) -> CheckFailure?)]) {
        self.id = id
        self.level = level
        self.replaces = replaces
        self.revisions = revisions.map { Revision(minimumMinor: $0.minimumMinor, evaluate: $0.evaluate) }
    }

    /// The revision in force at policy `v1.minor`, or nil when the check did not exist yet.
    func revision(atMinor minor: Int) -> Revision? {
        revisions.last { $0.minimumMinor <= minor }
    }
}
