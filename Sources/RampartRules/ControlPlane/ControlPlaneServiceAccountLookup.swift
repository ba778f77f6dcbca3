import RampartControlPlane
import RampartModel

/// `controlplane.service-account-lookup`: tokens of deleted service accounts stay valid.
public struct ControlPlaneServiceAccountLookup: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.service-account-lookup",
        title: "API server does not check that service accounts still exist",
        severity: .medium, layer: .controlPlane,
        standards: ["CIS 1.2.21"],
        rationale: "With --service-account-lookup=false a token stays valid after its service account (or Secret) is deleted, until it expires.",
        remediation: "Remove --service-account-lookup=false (the default is true).")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        component.boolean("service-account-lookup", expected: true, default: true,
                          "tokens of deleted service accounts are still accepted")
    }
}
