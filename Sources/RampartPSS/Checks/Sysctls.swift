import RampartModel

extension PodSecurityCheck {
    /// Baseline: sysctls can disable security mechanisms or affect every container on the host;
    /// only a safe, namespaced subset is allowed in `spec.securityContext.sysctls[*].name`.
    /// The subset grew in v1.27, v1.29, v1.32 and v1.37.
    static let sysctls = PodSecurityCheck(id: "sysctls", level: .baseline, revisions: [
        (0, { forbiddenSysctls($0, allowed: allowed1_0) }),
        (27, { forbiddenSysctls($0, allowed: allowed1_27) }),
        (29, { forbiddenSysctls($0, allowed: allowed1_29) }),
        (32, { forbiddenSysctls($0, allowed: allowed1_32) }),
        (37, { forbiddenSysctls($0, allowed: allowed1_37) }),
    ])
}

private let allowed1_0: Set<String> = [
    "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
]
private let allowed1_27 = allowed1_0.union(["net.ipv4.ip_local_reserved_ports"])
private let allowed1_29 = allowed1_27.union([
    "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
])
private let allowed1_32 = allowed1_29.union(["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"])
private let allowed1_37 = allowed1_32.union(["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"])

private func forbiddenSysctls(_ pod: PodView, allowed: Set<String>) -> CheckFailure? {
    var names: [String] = []
    var fields: [FieldPath] = []
    for (index, sysctl) in (pod.podSetting("sysctls")?.items ?? []).enumerated() {
        let name = sysctl["name"]?.string ?? ""
        guard !allowed.contains(name) else { continue }
        names.append(name)
        fields.append(PodView.podSettingPath("sysctls").appending(index: index).appending("name"))
    }
    guard !names.isEmpty else { return nil }
    return CheckFailure(reason: "forbidden sysctls", detail: names.joined(separator: ", "), fields: fields)
}
