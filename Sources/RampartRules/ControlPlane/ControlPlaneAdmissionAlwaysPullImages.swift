import RampartControlPlane
import RampartModel

/// `controlplane.admission-always-pull-images`: tenants can run each other's cached private images.
public struct ControlPlaneAdmissionAlwaysPullImages: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.admission-always-pull-images",
        title: "AlwaysPullImages admission plugin not enabled",
        severity: .medium, layer: .controlPlane,
        standards: ["CIS 1.2.11"],
        rationale: """
            On shared nodes, an image another tenant pulled with its registry credentials stays in the node's cache; \
            a pod with imagePullPolicy IfNotPresent runs it without any credentials. AlwaysPullImages makes every pod \
            prove its right to the image.
            """,
        remediation: "Add AlwaysPullImages to --enable-admission-plugins on clusters shared by tenants with private images.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        guard component.flags.flag("enable-admission-plugins", listing: "AlwaysPullImages") == nil else { return [] }
        return [ConfigProblem(path: component.flags.path(of: "enable-admission-plugins"),
                              message: "AlwaysPullImages is not enabled: cached private images are usable by every tenant on the node")]
    }
}
