import RampartModel

extension PodSecurityCheck {
    /// Baseline: Windows HostProcess containers have privileged access to the host;
    /// `securityContext.windowsOptions.hostProcess` must be unset or false (pod and containers).
    static let windowsHostProcess = PodSecurityCheck(id: "windowsHostProcess", level: .baseline,
                                                     revisions: [(0, windowsHostProcess1_0)])
}

private let hostProcess: FieldPath = "windowsOptions.hostProcess"

private func windowsHostProcess1_0(_ pod: PodView) -> CheckFailure? {
    let podIsBad = pod.podSetting(hostProcess)?.bool == true
    let containers = pod.containers(setting: hostProcess) { $0?.bool == true }
    guard podIsBad || !containers.isEmpty else { return nil }
    return CheckFailure(
        reason: "hostProcess",
        detail: "\(Wording.setters(pod: podIsBad, containers: containers.names)) must not set securityContext.windowsOptions.hostProcess=true",
        fields: (podIsBad ? [PodView.podSettingPath(hostProcess)] : []) + containers.fields)
}
