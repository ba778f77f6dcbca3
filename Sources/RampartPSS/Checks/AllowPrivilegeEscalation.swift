import RampartModel

extension PodSecurityCheck {
    /// Restricted (v1.8+): privilege escalation (set-user-ID binaries, file capabilities) must be
    /// disallowed: every container must set `securityContext.allowPrivilegeEscalation: false`.
    /// From v1.25 Windows pods are exempt.
    static let allowPrivilegeEscalation = PodSecurityCheck(id: "allowPrivilegeEscalation", level: .restricted, revisions: [
        (8, noPrivilegeEscalation),
        (25, { $0.isWindows ? nil : noPrivilegeEscalation($0) }),
    ])
}

private func noPrivilegeEscalation(_ pod: PodView) -> CheckFailure? {
    let offenders = pod.containers(setting: "allowPrivilegeEscalation") { $0?.bool != false }
    guard !offenders.isEmpty else { return nil }
    return CheckFailure(
        reason: "allowPrivilegeEscalation != false",
        detail: "\(Wording.containers(offenders.names)) must set securityContext.allowPrivilegeEscalation=false",
        fields: offenders.fields)
}
