import RampartControlPlane
import RampartModel

/// `controlplane.insecure-port`: an API server older than 1.20 serving without authentication.
public struct ControlPlaneInsecurePort: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.insecure-port",
        title: "API server serves an unauthenticated insecure port",
        severity: .critical, layer: .controlPlane,
        standards: ["CIS 1.2.19 (benchmark v1.5)", "NSA/CISA: authentication"],
        rationale: """
            Before Kubernetes 1.20 the API server served plain HTTP on --insecure-port (default 8080 on localhost) with \
            no authentication and no authorization: any process on the control-plane host, or with --insecure-bind-address \
            anyone on the network, is cluster administrator. 1.20 made the port inert; 1.24 removed the flag.
            """,
        remediation: "Set --insecure-port=0 on API servers older than 1.20, and upgrade: those versions are long out of support.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        guard let version = component.version, version < .v1(20) else { return [] }
        let flag = component.flags.last("insecure-port")
        guard flag?.int != 0 else { return [] }
        let written = flag.map { "\($0.display) is set" } ?? "--insecure-port is not set (default 8080)"
        return [ConfigProblem(path: component.flags.path(of: "insecure-port"),
                              message: "\(written): Kubernetes \(version) serves the API without authentication on it",
                              notes: [component.versionNote])]
    }
}
