import RampartControlPlane
import RampartModel

/// `controlplane.weak-tls`: a control-plane component accepts weak TLS.
public struct ControlPlaneWeakTLS: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.weak-tls",
        title: "Control-plane component accepts weak TLS ciphers or versions",
        severity: .medium, layer: .controlPlane,
        standards: ["CIS 1.2.29", "NSA/CISA: encryption in transit"],
        rationale: """
            Cipher suites outside the benchmark's list (RC4, 3DES, CBC with SHA-256, RSA key exchange) and TLS 1.0/1.1 \
            let an attacker on the network downgrade and decrypt control-plane traffic: tokens, Secrets.
            """,
        remediation: "List only strong suites in --tls-cipher-suites (or leave it unset for Go's defaults) and set --tls-min-version=VersionTLS12.")

    public let componentKinds: Set<ComponentKind> = [.apiServer, .controllerManager, .scheduler, .etcd]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        let cipherFlag = component.kind == .etcd ? "cipher-suites" : "tls-cipher-suites"
        return WeakTLS.problems(ciphers: component.flags.list(cipherFlag).map { ($0.item, $0.flag.path) },
                                strong: TLSSettings.strongControlPlaneCiphers,
                                minimumVersion: component.flags.last("tls-min-version").map { ($0.value ?? "", $0.path) },
                                field: "--\(cipherFlag)", versionField: "--tls-min-version")
    }
}

/// The check shared by `controlplane.weak-tls` and `kubelet.weak-tls`.
enum WeakTLS {
    static func problems(ciphers: [(String, FieldPath)], strong: Set<String>, minimumVersion: (String, FieldPath)?,
                         field: String, versionField: String) -> [ConfigProblem] {
        let weak = ciphers.filter { !strong.contains($0.0) }.map {
            ConfigProblem(path: $0.1, message: "\(field) includes \($0.0), which is not a strong cipher suite")
        }
        guard let (version, path) = minimumVersion, TLSSettings.weakMinimumVersions.contains(version) else { return weak }
        return weak + [ConfigProblem(path: path, message: "\(versionField) is \(version): TLS before 1.2 is accepted")]
    }
}
