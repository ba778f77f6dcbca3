import RampartModel

extension PodSecurityCheck {
    /// Restricted: containers must run as non-root: `runAsNonRoot: true` on the pod (containers
    /// may then leave it unset) or on every container, and nobody may set it to false. From v1.35
    /// a pod in a user namespace (`spec.hostUsers: false`) is exempt: its root is not the host's.
    static let runAsNonRoot = PodSecurityCheck(id: "runAsNonRoot", level: .restricted, revisions: [
        (0, requireNonRoot),
        (35, { $0.usesUserNamespace ? nil : requireNonRoot($0) }),
    ])
}

private func requireNonRoot(_ pod: PodView) -> CheckFailure? {
    let podValue = pod.podSetting("runAsNonRoot")?.bool
    let podIsBad = podValue == false
    let explicit = pod.containers(setting: "runAsNonRoot") { $0?.bool == false }
    if podIsBad || !explicit.isEmpty {
        return CheckFailure(
            reason: "runAsNonRoot != true",
            detail: "\(Wording.setters(pod: podIsBad, containers: explicit.names)) must not set securityContext.runAsNonRoot=false",
            fields: (podIsBad ? [PodView.podSettingPath("runAsNonRoot")] : []) + explicit.fields)
    }
    guard podValue != true else { return nil }
    let implicit = pod.containers(setting: "runAsNonRoot") { $0?.bool == nil }
    guard !implicit.isEmpty else { return nil }
    return CheckFailure(
        reason: "runAsNonRoot != true",
        detail: "pod or \(Wording.containers(implicit.names)) must set securityContext.runAsNonRoot=true",
        fields: implicit.fields)
}
