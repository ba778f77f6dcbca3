import RampartModel

extension PodSecurityCheck {
    /// Baseline: privileged containers disable most security mechanisms;
    /// `securityContext.privileged` must be unset or false (all policy versions).
    static let privileged = PodSecurityCheck(id: "privileged", level: .baseline, revisions: [(0, privileged1_0)])
}

private func privileged1_0(_ pod: PodView) -> CheckFailure? {
    let offenders = pod.containers(setting: "privileged") { $0?.bool == true }
    guard !offenders.isEmpty else { return nil }
    return CheckFailure(reason: "privileged",
                        detail: "\(Wording.containers(offenders.names)) must not set securityContext.privileged=true",
                        fields: offenders.fields)
}
