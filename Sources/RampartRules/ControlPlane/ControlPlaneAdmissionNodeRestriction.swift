import RampartControlPlane
import RampartModel

/// `controlplane.admission-node-restriction`: kubelets may modify any Node and Pod.
public struct ControlPlaneAdmissionNodeRestriction: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.admission-node-restriction",
        title: "NodeRestriction admission plugin not enabled",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 1.2.14", "NSA/CISA: authorization"],
        rationale: """
            Without NodeRestriction a kubelet can modify every Node and Pod object; a compromised node can label itself \
            into another tenant's dedicated node pool (node-restriction.kubernetes.io/ labels) and attract its pods.
            """,
        remediation: "Add NodeRestriction to --enable-admission-plugins (with --authorization-mode including Node).")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        let flags = component.flags
        if let flag = flags.flag("disable-admission-plugins", listing: "NodeRestriction") {
            return [ConfigProblem(path: flag.path, message: "\(flag.display) disables NodeRestriction")]
        }
        guard flags.flag("enable-admission-plugins", listing: "NodeRestriction") == nil else { return [] }
        let where_ = flags.last("enable-admission-plugins").map { "\($0.display) does not include NodeRestriction" }
            ?? "--enable-admission-plugins is not set (NodeRestriction is off by default)"
        return [ConfigProblem(path: flags.path(of: "enable-admission-plugins"), message: where_)]
    }
}
