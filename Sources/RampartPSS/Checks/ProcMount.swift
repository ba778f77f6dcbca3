import RampartModel

extension PodSecurityCheck {
    /// Baseline: the default /proc masks must be kept (`securityContext.procMount` unset or
    /// `Default`). From v1.35 a pod in a user namespace (`spec.hostUsers: false`) may set any value.
    static let procMount = PodSecurityCheck(id: "procMount", level: .baseline, revisions: [
        (0, defaultProcMount),
        (35, { $0.usesUserNamespace ? nil : defaultProcMount($0) }),
    ])

    /// Restricted (v1.35+): the default /proc masks are required even in a user namespace.
    static let procMountRestricted = PodSecurityCheck(id: "procMount_restricted", level: .restricted, replaces: "procMount",
                                                      revisions: [(35, defaultProcMount)])
}

private func defaultProcMount(_ pod: PodView) -> CheckFailure? {
    var types: Set<String> = []
    let offenders = pod.containers(setting: "procMount") { value in
        guard let value, let type = value.string, type != "Default" else { return false }
        types.insert(type)
        return true
    }
    guard !offenders.isEmpty else { return nil }
    return CheckFailure(
        reason: "procMount",
        detail: "\(Wording.containers(offenders.names)) must not set securityContext.procMount to \(Wording.joinQuote(Wording.sortedUnique(types)))",
        fields: offenders.fields)
}
