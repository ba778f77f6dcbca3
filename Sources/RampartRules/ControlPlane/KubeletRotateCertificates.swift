import RampartControlPlane
import RampartModel

/// `kubelet.rotate-certificates`: kubelet certificates do not rotate.
public struct KubeletRotateCertificates: KubeletRule {
    public let metadata = RuleMetadata(
        id: "kubelet.rotate-certificates",
        title: "Kubelet certificates do not rotate",
        severity: .medium, layer: .node,
        standards: ["CIS 4.2.10", "CIS 4.2.11"],
        rationale: """
            Without rotateCertificates (off by default in the configuration file) the kubelet's client certificate \
            expires or, stolen, stays valid for its whole life; RotateKubeletServerCertificate=false keeps a \
            self-signed serving certificate the API server cannot verify.
            """,
        remediation: "Set rotateCertificates: true (and serverTLSBootstrap: true with a CSR approver); do not disable the RotateKubeletServerCertificate feature gate.")

    public init() {}

    func problems(_ config: KubeletConfig) -> [ConfigProblem] {
        let client = config.boolean("rotateCertificates", expected: true, default: false, "the kubelet client certificate never rotates")
        guard config.featureGates["RotateKubeletServerCertificate"] == false else { return client }
        return client + [ConfigProblem(path: FieldPath([.key("featureGates"), .key("RotateKubeletServerCertificate")]),
                                       message: "featureGates.RotateKubeletServerCertificate is false: the serving certificate never rotates")]
    }
}
