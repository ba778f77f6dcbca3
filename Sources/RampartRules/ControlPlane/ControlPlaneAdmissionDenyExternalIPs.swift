import RampartControlPlane
import RampartModel

/// `controlplane.admission-deny-external-ips`: Services may claim any external IP (CVE-2020-8554).
public struct ControlPlaneAdmissionDenyExternalIPs: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.admission-deny-external-ips",
        title: "DenyServiceExternalIPs admission plugin not enabled",
        severity: .medium, layer: .controlPlane,
        standards: ["CIS 1.2.3", "CVE-2020-8554"],
        rationale: """
            A tenant who can create Services can set spec.externalIPs to any address and intercept the cluster's traffic \
            to it (CVE-2020-8554, man-in-the-middle of other tenants).
            """,
        remediation: "Add DenyServiceExternalIPs to --enable-admission-plugins (or restrict externalIPs with a policy engine).")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        guard component.flags.flag("enable-admission-plugins", listing: "DenyServiceExternalIPs") == nil else { return [] }
        return [ConfigProblem(path: component.flags.path(of: "enable-admission-plugins"),
                              message: "DenyServiceExternalIPs is not enabled: any Service may claim any external IP")]
    }
}
