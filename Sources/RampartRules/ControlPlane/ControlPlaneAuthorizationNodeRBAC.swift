import RampartControlPlane
import RampartModel

/// `controlplane.authorization-node-rbac`: the authorization modes lack Node or RBAC.
public struct ControlPlaneAuthorizationNodeRBAC: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.authorization-node-rbac",
        title: "API server authorization lacks Node or RBAC",
        severity: .medium, layer: .controlPlane,
        standards: ["CIS 1.2.7", "CIS 1.2.8", "NSA/CISA: authorization"],
        rationale: """
            The Node authorizer limits each kubelet to the Secrets, ConfigMaps and volumes of the pods bound to it; \
            without it a compromised node reads every tenant's Secrets. RBAC is what every tenant's permissions are written in.
            """,
        remediation: "Set --authorization-mode=Node,RBAC.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        guard let flag = component.flags.last("authorization-mode") else { return [] }
        let modes = Set(component.flags.list("authorization-mode").map(\.item))
        return ["Node", "RBAC"].filter { !modes.contains($0) }.map {
            ConfigProblem(path: flag.path, message: "\(flag.display) does not include \($0)")
        }
    }
}
