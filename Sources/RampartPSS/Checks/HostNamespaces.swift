import RampartModel

extension PodSecurityCheck {
    /// Baseline: sharing the host's network, PID or IPC namespace must be disallowed;
    /// `spec.hostNetwork`, `spec.hostPID`, `spec.hostIPC` must be unset or false.
    static let hostNamespaces = PodSecurityCheck(id: "hostNamespaces", level: .baseline, revisions: [(0, hostNamespaces1_0)])
}

private func hostNamespaces1_0(_ pod: PodView) -> CheckFailure? {
    var shared: [String] = []
    var fields: [FieldPath] = []
    for key in ["hostNetwork", "hostPID", "hostIPC"] where pod.spec[key]?.bool == true {
        shared.append("\(key)=true")
        fields.append(PodView.specPath.appending(key))
    }
    guard !shared.isEmpty else { return nil }
    return CheckFailure(reason: "host namespaces", detail: shared.joined(separator: ", "), fields: fields)
}
