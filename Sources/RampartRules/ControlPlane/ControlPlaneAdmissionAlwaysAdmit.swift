import RampartControlPlane
import RampartModel

/// `controlplane.admission-always-admit`: the AlwaysAdmit plugin.
public struct ControlPlaneAdmissionAlwaysAdmit: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.admission-always-admit",
        title: "AlwaysAdmit admission plugin enabled",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 1.2.10"],
        rationale: "AlwaysAdmit admits every request whatever the other admission plugins decide (it was deprecated in 1.13).",
        remediation: "Remove AlwaysAdmit from --enable-admission-plugins.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        guard let flag = component.flags.flag("enable-admission-plugins", listing: "AlwaysAdmit") else { return [] }
        return [ConfigProblem(path: flag.path, message: "\(flag.display) enables AlwaysAdmit")]
    }
}
