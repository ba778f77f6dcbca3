import RampartControlPlane
import RampartModel

/// `controlplane.etcd-client-tls`: the API server talks to etcd without mutual TLS.
public struct ControlPlaneEtcdClientTLS: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.etcd-client-tls",
        title: "API server's connection to etcd not protected by mutual TLS",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 1.2.23", "CIS 1.2.26"],
        rationale: """
            Every object of every tenant, Secrets included, travels between the API server and etcd. Without TLS, a \
            client certificate and a CA, it can be read or forged on the way, and etcd cannot require client certificates.
            """,
        remediation: "Use https:// in --etcd-servers and set --etcd-certfile, --etcd-keyfile and --etcd-cafile.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        let plain = component.flags.list("etcd-servers").filter { $0.item.hasPrefix("http://") }.map {
            ConfigProblem(path: $0.flag.path, message: "--etcd-servers includes \($0.item): plain HTTP")
        }
        return plain + component.missing(["etcd-certfile", "etcd-keyfile"], "the API server has no client certificate for etcd")
            + component.missing(["etcd-cafile"], "the API server does not verify etcd's certificate")
    }
}
