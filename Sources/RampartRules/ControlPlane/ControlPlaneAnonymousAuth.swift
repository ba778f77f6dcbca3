import RampartControlPlane
import RampartModel

/// `controlplane.anonymous-auth`: the API server accepts anonymous requests beyond its health checks.
public struct ControlPlaneAnonymousAuth: Rule {
    public let metadata = RuleMetadata(
        id: "controlplane.anonymous-auth",
        title: "API server accepts anonymous requests",
        severity: .low, layer: .controlPlane,
        standards: ["CIS 1.2.1", "NSA/CISA: authentication"],
        rationale: """
            With anonymous authentication on (the default), every request without credentials runs as \
            system:anonymous; one careless binding to system:anonymous or system:unauthenticated then opens the API \
            to anyone who can reach it. Kubernetes 1.32+ can instead allow anonymous access to the health endpoints \
            only: the `anonymous` section of the AuthenticationConfiguration (--authentication-config), with \
            conditions on /livez, /readyz and /healthz. A file without that section leaves --anonymous-auth in charge \
            (default true); a section with no conditions allows every path.
            """,
        remediation: """
            Set --anonymous-auth=false, or give the AuthenticationConfiguration `anonymous: {enabled: true, conditions: \
            [{path: /livez}, {path: /readyz}, {path: /healthz}]}` (or `enabled: false`).
            """)

    /// The paths load balancers and probes call without credentials.
    static let healthPaths: Set<String> = ["/livez", "/readyz", "/healthz"]

    public init() {}

    public var reads: Set<ResourceKind> { ControlPlane.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        let controlPlane = context.controlPlane
        let configured = controlPlane.authenticationConfigs.filter { $0.anonymous != nil }
        let files = configured.flatMap { config in
            problems(config.anonymous).map { Violation(object: config.object, path: $0.path, message: $0.message) }
        }
        let servers = controlPlane.components([.apiServer]).flatMap { component in
            flagProblems(component, fileSaysNothing: configured.isEmpty && !controlPlane.authenticationConfigs.isEmpty).map {
                Violation(object: component.object, path: $0.path, message: "\(component.kind.rawValue): \($0.message)")
            }
        }
        return servers + files
    }

    /// The file's `anonymous` section: enabled on every path, or on paths beyond the health checks.
    func problems(_ anonymous: AuthenticationConfig.Anonymous?) -> [ConfigProblem] {
        guard let anonymous, anonymous.enabled else { return [] }
        guard !anonymous.paths.isEmpty else {
            return [ConfigProblem(path: anonymous.field, message: "anonymous.enabled is true with no conditions: anonymous requests reach every path")]
        }
        return anonymous.paths.filter { !Self.healthPaths.contains($0.path) }.map {
            ConfigProblem(path: $0.field, message: "anonymous requests may reach \($0.path), beyond the health checks")
        }
    }

    /// `--anonymous-auth`: judged unless an AuthenticationConfiguration decides. With --authentication-config and
    /// no `anonymous` section in the AuthenticationConfiguration read (`fileSaysNothing`), the flag's default applies.
    func flagProblems(_ component: ControlPlaneComponent, fileSaysNothing: Bool) -> [ConfigProblem] {
        let why = "requests without credentials are served as system:anonymous"
        guard component.flags.isSet("authentication-config"), !component.flags.isSet("anonymous-auth") else {
            return component.boolean("anonymous-auth", expected: false, default: true, why)
        }
        guard fileSaysNothing else { return [] }
        return [ConfigProblem(path: component.flags.path(of: "authentication-config"),
                              message: "the AuthenticationConfiguration has no anonymous section and --anonymous-auth is not set (default true): \(why)")]
    }
}
