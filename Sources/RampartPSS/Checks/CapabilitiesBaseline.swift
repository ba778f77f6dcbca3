import RampartModel

extension PodSecurityCheck {
    /// Baseline: adding capabilities beyond the container runtime's default set is forbidden
    /// (`securityContext.capabilities.add` may only list the defaults below).
    static let capabilitiesBaseline = PodSecurityCheck(id: "capabilities_baseline", level: .baseline,
                                                       revisions: [(0, capabilitiesBaseline1_0)])
}

private let defaultCapabilities: Set<String> = [
    "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
    "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
]

private let addPath: FieldPath = "securityContext.capabilities.add"

private func capabilitiesBaseline1_0(_ pod: PodView) -> CheckFailure? {
    var offenders = Offenders()
    var added: Set<String> = []
    for container in pod.containers {
        let add = container.securityContext?["capabilities"]?["add"]?.items ?? []
        let forbidden = add.map { $0.string ?? "" }.filter { !defaultCapabilities.contains($0) }
        guard !forbidden.isEmpty else { continue }
        offenders.add(container, field: container.path.appending(addPath))
        added.formUnion(forbidden)
    }
    guard !offenders.isEmpty else { return nil }
    return CheckFailure(
        reason: "non-default capabilities",
        detail: "\(Wording.containers(offenders.names)) must not include \(Wording.joinQuote(Wording.sortedUnique(added))) in securityContext.capabilities.add",
        fields: offenders.fields)
}
