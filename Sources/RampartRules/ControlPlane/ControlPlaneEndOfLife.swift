import RampartControlPlane
import RampartModel

/// `controlplane.end-of-life`: a control-plane component of a Kubernetes release out of support.
public struct ControlPlaneEndOfLife: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.end-of-life",
        title: "Control plane runs an end-of-life Kubernetes release",
        severity: .high, layer: .controlPlane,
        standards: ["NSA/CISA: upgrading and application security practices"],
        rationale: """
            Upstream supports the three newest minor releases; older ones get no security fixes. The support window is \
            fixed in Rampart (SupportWindow.newestMinor) so that audits are reproducible; it moves with each Rampart release.
            """,
        remediation: "Upgrade the control plane one minor release at a time to a supported release.")

    public let componentKinds: Set<ComponentKind> = [.apiServer, .controllerManager, .scheduler]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        guard let version = component.version, SupportWindow.isEndOfLife(version) else { return [] }
        return [ConfigProblem(path: component.container.path.appending("image"), message: Self.message(version))]
    }

    /// The components' releases, and the release the API server itself reports on a live cluster
    /// (a managed control plane has no static pods to read it from).
    public func evaluate(in context: AuditContext) -> [Violation] {
        let fromServer = context.controlPlane.serverVersions.compactMap { server -> Violation? in
            guard let version = server.version, SupportWindow.isEndOfLife(version) else { return nil }
            return Violation(object: server.object, path: "gitVersion", message: "the API server reports \(Self.message(version))")
        }
        return componentViolations(in: context) + fromServer
    }

    private static func message(_ version: KubernetesVersion) -> String {
        "Kubernetes \(version) is out of support (oldest supported: \(SupportWindow.oldestSupported.minorRelease))"
    }
}
