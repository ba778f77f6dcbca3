import RampartControlPlane
import RampartModel

/// `controlplane.anonymous-auth`: the API server accepts anonymous requests.
public struct ControlPlaneAnonymousAuth: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.anonymous-auth",
        title: "API server accepts anonymous requests",
        severity: .low, layer: .controlPlane,
        standards: ["CIS 1.2.1", "NSA/CISA: authentication"],
        rationale: """
            With anonymous authentication on (the default), every request without credentials runs as \
            system:anonymous; one careless binding to system:anonymous or system:unauthenticated then opens the API \
            to anyone who can reach it. Kubernetes 1.32+ can instead allow anonymous access to the health endpoints only.
            """,
        remediation: "Set --anonymous-auth=false, or use an AuthenticationConfiguration that allows anonymous access to /livez, /readyz and /healthz only.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        // With --authentication-config, anonymous access is configured (and limited) in that file.
        if component.flags.isSet("authentication-config"), !component.flags.isSet("anonymous-auth") { return [] }
        return component.boolean("anonymous-auth", expected: false, default: true,
                                 "requests without credentials are served as system:anonymous")
    }
}
