import RampartModel

/// The Pod Security Standards, evaluated exactly as Kubernetes' Pod Security admission does:
/// every check of the level (restricted includes baseline), in the revision of the policy version.
public enum PodSecurity {
    /// Every check ID with its level, in evaluation order.
    public static let checks: [(id: String, level: PolicyLevel)] = CheckRegistry.checks.map { ($0.id, $0.level) }

    /// The newest policy version whose rules this build knows; `latest` evaluates as this one.
    public static var newestVersion: PolicyVersion { .v1(minor: CheckRegistry.newestMinor) }

    /// The violations of the pod with `metadata` and `spec` at `level` and `version`; empty when
    /// the pod is allowed. Init and ephemeral containers are included.
    /// At restricted, the baseline checks that a restricted check replaces (upstream's
    /// `OverrideCheckIDs`: `capabilities_baseline`, `hostPathVolumes`, `seccompProfile_baseline`,
    /// `procMount`) are neither run nor reported, as the admission does.
    public static func evaluate(metadata: Node?, spec: Node, level: PolicyLevel, version: PolicyVersion) -> [CheckViolation] {
        evaluate(metadata: metadata, spec: spec, level: level, version: version, keepReplaced: false)
            .filter { !$0.replaced }.map(\.violation)
    }

    /// The violations at `level` and `version`, each marked when a restricted check replaces it;
    /// `keepReplaced` runs the replaced baseline checks too (for a baseline mode of the same version).
    private static func evaluate(metadata: Node?, spec: Node, level: PolicyLevel, version: PolicyVersion,
                                 keepReplaced: Bool) -> [(violation: CheckViolation, replaced: Bool)] {
        let entries = CheckRegistry.entries(level: level, version: version)
        guard !entries.isEmpty else { return [] }
        let restricted = level == .restricted
        let pod = PodView(metadata: metadata, spec: spec)
        var violations: [(CheckViolation, Bool)] = []
        for entry in entries {
            let replaced = restricted && entry.replacedAtRestricted
            if replaced && !keepReplaced { continue }
            guard let failure = entry.revision.evaluate(pod) else { continue }
            violations.append((CheckViolation(check: entry.id, level: entry.level, reason: failure.reason,
                                              detail: failure.detail, fields: failure.fields), replaced))
        }
        return violations
    }

    /// The violations of one pod under several modes at once. Restricted runs every baseline check
    /// in the same revision, so each version is evaluated once, at the strictest level asked for
    /// it, and the less strict levels keep the violations of their own checks (including those
    /// that restricted replaces). Results are in the order of `modes`.
    public static func evaluate(metadata: Node?, spec: Node, modes: [LevelVersion]) -> [[CheckViolation]] {
        var strictest: [PolicyVersion: PolicyLevel] = [:]
        var baselineAsked: Set<PolicyVersion> = []
        for mode in modes {
            strictest[mode.version] = max(strictest[mode.version] ?? .privileged, mode.level)
            if mode.level == .baseline { baselineAsked.insert(mode.version) }
        }
        var byVersion: [PolicyVersion: [(violation: CheckViolation, replaced: Bool)]] = [:]
        for (version, level) in strictest {
            byVersion[version] = evaluate(metadata: metadata, spec: spec, level: level, version: version,
                                          keepReplaced: baselineAsked.contains(version))
        }
        return modes.map { mode in
            guard mode.level != .privileged else { return [] }
            return (byVersion[mode.version] ?? []).filter { found in
                found.violation.level <= mode.level && !(mode.level == .restricted && found.replaced)
            }.map(\.violation)
        }
    }

    /// The violations of a pod-bearing object's pod template (paths stay relative to the template).
    public static func evaluate(_ pod: PodTemplate, level: PolicyLevel, version: PolicyVersion) -> [CheckViolation] {
        evaluate(metadata: pod.metadata, spec: pod.spec, level: level, version: version)
    }
}
