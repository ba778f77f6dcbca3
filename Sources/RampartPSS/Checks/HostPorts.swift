import RampartModel

extension PodSecurityCheck {
    /// Baseline: host ports should be disallowed (`ports[*].hostPort` unset or 0 in every container).
    static let hostPorts = PodSecurityCheck(id: "hostPorts", level: .baseline, revisions: [(0, hostPorts1_0)])
}

private func hostPorts1_0(_ pod: PodView) -> CheckFailure? {
    var offenders = Offenders()
    var ports: Set<String> = []
    for container in pod.containers {
        var uses = false
        for (index, port) in (container.node["ports"]?.items ?? []).enumerated() {
            guard let hostPort = port["hostPort"]?.int, hostPort != 0 else { continue }
            ports.insert(String(hostPort))
            if !uses { offenders.add(container, field: container.path.appending("ports").appending(index: index).appending("hostPort")) }
            uses = true
        }
    }
    guard !offenders.isEmpty else { return nil }
    let count = offenders.names.count
    let detail = [Wording.containers(offenders.names), Wording.pluralize("uses", "use", count),
                  Wording.pluralize("hostPort", "hostPorts", ports.count),
                  Wording.sortedUnique(ports).joined(separator: ", ")].joined(separator: " ")
    return CheckFailure(reason: "hostPort", detail: detail, fields: offenders.fields)
}
