import RampartControlPlane
import RampartModel

/// `controlplane.authorization-always-allow`: every authenticated request is allowed.
public struct ControlPlaneAuthorizationAlwaysAllow: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.authorization-always-allow",
        title: "API server authorizes every request",
        severity: .critical, layer: .controlPlane,
        standards: ["CIS 1.2.6", "NSA/CISA: authorization"],
        rationale: """
            With AlwaysAllow (the default of --authorization-mode), RBAC does not apply: every tenant, every service \
            account and, with anonymous authentication, everyone who can reach the API is cluster administrator.
            """,
        remediation: "Set --authorization-mode=Node,RBAC (or an AuthorizationConfiguration with Node and RBAC authorizers).")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        let flags = component.flags
        if let flag = flags.flag("authorization-mode", listing: "AlwaysAllow") {
            return [ConfigProblem(path: flag.path, message: "\(flag.display) includes AlwaysAllow: every request is authorized")]
        }
        guard !flags.isSet("authorization-mode"), !flags.isSet("authorization-config") else { return [] }
        return [ConfigProblem(path: flags.anchor, message: "--authorization-mode is not set (default AlwaysAllow): every request is authorized")]
    }
}
