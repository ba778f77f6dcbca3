import RampartModel

extension PodSecurityCheck {
    /// Restricted (v1.23+): containers must not run as UID 0: `runAsUser` of the pod and of every
    /// container must be unset or non-zero. From v1.35 a pod in a user namespace is exempt.
    static let runAsUser = PodSecurityCheck(id: "runAsUser", level: .restricted, revisions: [
        (23, forbidRootUser),
        (35, { $0.usesUserNamespace ? nil : forbidRootUser($0) }),
    ])
}

private func forbidRootUser(_ pod: PodView) -> CheckFailure? {
    let podIsBad = pod.podSetting("runAsUser")?.int == 0
    let containers = pod.containers(setting: "runAsUser") { $0?.int == 0 }
    guard podIsBad || !containers.isEmpty else { return nil }
    return CheckFailure(
        reason: "runAsUser=0",
        detail: "\(Wording.setters(pod: podIsBad, containers: containers.names)) must not set runAsUser=0",
        fields: (podIsBad ? [PodView.podSettingPath("runAsUser")] : []) + containers.fields)
}
