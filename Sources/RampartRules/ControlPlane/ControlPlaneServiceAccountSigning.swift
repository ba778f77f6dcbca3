import RampartControlPlane
import RampartModel

/// `controlplane.service-account-signing`: the service-account token flags are missing.
public struct ControlPlaneServiceAccountSigning: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.service-account-signing",
        title: "Service-account token keys or issuer not configured",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 1.2.22"],
        rationale: """
            --service-account-key-file names the keys that verify service-account tokens; without it the API server \
            verifies them with its serving key, which cannot be rotated apart. Since Kubernetes 1.20, \
            --service-account-issuer and --service-account-signing-key-file are required: without them the API server \
            does not start.
            """,
        remediation: "Set --service-account-key-file, --service-account-signing-key-file and --service-account-issuer (kubeadm: sa.pub, sa.key, https://kubernetes.default.svc.cluster.local).")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        let keys = component.missing(["service-account-key-file"], "service-account tokens are verified with the serving key")
        guard component.effectiveVersion >= .v1(20) else { return keys }
        return keys + component.missing(["service-account-issuer", "service-account-signing-key-file"],
                                        "required since Kubernetes 1.20; the API server does not start")
            .map { ConfigProblem(path: $0.path, message: $0.message, notes: [component.versionNote]) }
    }
}
