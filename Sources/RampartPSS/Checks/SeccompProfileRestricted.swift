import RampartModel

extension PodSecurityCheck {
    /// Restricted (v1.19+): a seccomp profile must be set, to `RuntimeDefault` or `Localhost`,
    /// on the pod or on every container. From v1.25 Windows pods (`spec.os.name: windows`) are exempt.
    static let seccompProfileRestricted = PodSecurityCheck(id: "seccompProfile_restricted", level: .restricted, replaces: "seccompProfile_baseline", revisions: [
        (19, seccompRequired),
        (25, { $0.isWindows ? nil : seccompRequired($0) }),
    ])
}

private func seccompRequired(_ pod: PodView) -> CheckFailure? {
    let settings = Seccomp.ExplicitSettings(pod)
    if let failure = settings.failure { return failure }
    guard !settings.podIsValid, !settings.unset.isEmpty else { return nil }
    return CheckFailure(
        reason: "seccompProfile",
        detail: "pod or \(Wording.containers(settings.unset.map(\.name))) must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
        fields: settings.unset.map(Seccomp.fieldPath))
}
