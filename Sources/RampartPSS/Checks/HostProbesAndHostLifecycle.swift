import RampartModel

extension PodSecurityCheck {
    /// Baseline (v1.34+): probes and lifecycle handlers must not target another host
    /// (`httpGet.host` / `tcpSocket.host` of liveness, readiness, startup probes and of
    /// postStart/preStop handlers must be unset or empty).
    static let hostProbesAndHostLifecycle = PodSecurityCheck(id: "hostProbesAndHostLifecycle", level: .baseline,
                                                             revisions: [(34, hostProbesAndHostLifecycle1_34)])
}

private let handlers: [FieldPath] = ["livenessProbe", "readinessProbe", "startupProbe", "lifecycle.postStart", "lifecycle.preStop"]
private let actions = ["httpGet", "tcpSocket"]

private func hostProbesAndHostLifecycle1_34(_ pod: PodView) -> CheckFailure? {
    var containers: Set<String> = []
    var hosts: Set<String> = []
    var fields: [FieldPath] = []
    for container in pod.containers {
        for handler in handlers {
            guard let node = container.node[handler] else { continue }
            for action in actions {
                guard let host = node[action]?["host"]?.string, !host.isEmpty else { continue }
                containers.insert(container.name)
                hosts.insert(host)
                fields.append(container.path.appending(handler).appending(action).appending("host"))
            }
        }
    }
    guard !containers.isEmpty else { return nil }
    let detail = [Wording.containers(Wording.sortedUnique(containers)),
                  Wording.pluralize("uses", "use", containers.count),
                  Wording.pluralize("probe or lifecycle host", "probe or lifecycle hosts", hosts.count),
                  Wording.joinQuote(Wording.sortedUnique(hosts))].joined(separator: " ")
    return CheckFailure(reason: "probe or lifecycle host", detail: detail, fields: fields)
}
