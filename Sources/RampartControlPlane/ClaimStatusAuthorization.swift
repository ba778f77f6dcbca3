/// Whether the API server authorizes ResourceClaim status writes field by field
/// (DRAResourceClaimGranularStatusAuthorization, beta and on by default from Kubernetes 1.36):
/// `status.allocation` and `status.reservedFor` then also need `resourceclaims/binding`, and
/// `status.devices` `resourceclaims/driver`. Without it, `update` of `resourceclaims/status` writes them all.
/// Judged from the kube-apiserver static pods (their `--feature-gates` and image versions), else from
/// the version the API server reports.
public struct ClaimStatusAuthorization: Sendable {
    public enum Verdict: Sendable, Equatable {
        /// The synthetic subresources are asked for.
        case granular
        /// A status write alone changes allocations and device status (the reason says why).
        case statusSuffices(reason: String)
        /// Neither a kube-apiserver nor its reported version is among the inputs.
        case unknown
    }

    public static let featureGate = "DRAResourceClaimGranularStatusAuthorization"
    /// The first release whose API servers check by default (the gate's beta).
    public static let granularByDefault = KubernetesVersion.v1(36)

    public let verdict: Verdict

    public init(_ controlPlane: ControlPlane) {
        var known = false
        for server in controlPlane.components([.apiServer]) {
            if let gate = server.flags.featureGates[Self.featureGate] {
                known = true
                guard gate.enabled else {
                    verdict = .statusSuffices(reason: "kube-apiserver \(server.object.name) turns the \(Self.featureGate) feature gate off")
                    return
                }
            } else if let version = server.version {
                known = true
                guard version >= Self.granularByDefault else {
                    verdict = .statusSuffices(reason: Self.predates("kube-apiserver \(version)"))
                    return
                }
            }
        }
        if !known, let reported = controlPlane.serverVersions.compactMap(\.version).min() {
            known = true
            guard reported >= Self.granularByDefault else {
                verdict = .statusSuffices(reason: Self.predates("the API server's version \(reported)"))
                return
            }
        }
        verdict = known ? .granular : .unknown
    }

    private static func predates(_ what: String) -> String {
        "\(what) predates the field-by-field authorization of ResourceClaim status writes (\(featureGate), Kubernetes \(granularByDefault.minorRelease))"
    }
}
