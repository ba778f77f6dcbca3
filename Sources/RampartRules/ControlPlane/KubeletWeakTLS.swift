import RampartControlPlane
import RampartModel

/// `kubelet.weak-tls`: the kubelet accepts weak TLS.
public struct KubeletWeakTLS: KubeletRule {
    public let metadata = RuleMetadata(
        id: "kubelet.weak-tls",
        title: "Kubelet accepts weak TLS ciphers or versions",
        severity: .medium, layer: .node,
        standards: ["CIS 4.2.12", "NSA/CISA: encryption in transit"],
        rationale: "Weak cipher suites or TLS before 1.2 on the kubelet API let an attacker on the network decrypt exec sessions and the tokens they carry.",
        remediation: "List only strong suites in tlsCipherSuites (or leave it unset) and set tlsMinVersion: VersionTLS12.")

    public init() {}

    func problems(_ config: KubeletConfig) -> [ConfigProblem] {
        let ciphers = (config.field("tlsCipherSuites")?.items ?? []).enumerated().compactMap { index, item in
            item.string.map { ($0, FieldPath([.key("tlsCipherSuites"), .index(index)])) }
        }
        return WeakTLS.problems(ciphers: ciphers, strong: TLSSettings.strongKubeletCiphers,
                                minimumVersion: config.field("tlsMinVersion")?.string.map { ($0, "tlsMinVersion") },
                                field: "tlsCipherSuites", versionField: "tlsMinVersion")
    }
}
