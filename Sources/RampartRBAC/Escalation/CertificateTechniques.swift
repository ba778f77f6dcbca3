/// Certificates the API server trusts as client credentials: a CertificateSigningRequest that a
/// built-in signer of kube-controller-manager signs once approved.
///
/// Approval takes `create` of CSRs, `update` of their `approval` subresource, and `approve` on the
/// signer (`signers` of `certificates.k8s.io`, named by the signer or by its domain and `/*`, as the
/// API server asks). `sign` (writing the certificate into the status) gives nothing without the
/// signer's CA key, and ClusterTrustBundle writes (`attest`) change what workloads trust, not who
/// the API server takes a client for: neither is an edge.
extension EscalationGraph {
    private static let group = "certificates.k8s.io"
    private static let createRequest = RelevantRules.question("create", group: group, "certificatesigningrequests")
    private static let approveRequest = RelevantRules.question("update", group: group, "certificatesigningrequests/approval")
    private static let approveSigner = RelevantRules.question("approve", group: group, "signers")

    /// A built-in signer whose certificates are client credentials, and what one is worth.
    private struct ClientSigner {
        var name: String
        var target: EscalationNode
        var outcome: String
    }

    private var clientSigners: [ClientSigner] {
        var signers = [ClientSigner(name: "kubernetes.io/kube-apiserver-client", target: .clusterAdmin,
                                    outcome: "a client certificate with organisation \(RequestUser.privilegedGroup) is cluster-admin")]
        if !facts.podAccounts.isEmpty {
            signers.append(ClientSigner(name: "kubernetes.io/kube-apiserver-client-kubelet", target: .podAccounts(namespace: nil),
                                        outcome: "a client certificate for any node (system:node:NAME in system:nodes) gets, through the Node authorizer, the API tokens of the pods bound to that node"))
        }
        return signers
    }

    /// Creating and approving CSRs for a client signer → what its certificates are: cluster-admin
    /// (`kube-apiserver-client`), the tokens of the pods on any node (`kube-apiserver-client-kubelet`).
    func approveCertificates(_ set: CapabilitySet) -> [EscalationEdge] {
        guard let creator = set.allowing(Self.createRequest, clusterScoped: true).first,
              let approver = set.allowing(Self.approveRequest, clusterScoped: true).first
        else { return [] }
        return clientSigners.compactMap { signer in
            guard let approval = Self.signerNames(signer.name).lazy.compactMap({ name in
                set.allowing(Self.approveSigner, name: name, clusterScoped: true).first
            }).first else { return nil }
            return EscalationEdge(technique: .approveCertificate, target: signer.target,
                                  action: "may create and approve CertificateSigningRequests for the signer \(signer.name): \(signer.outcome)",
                                  origins: [creator.origin, approver.origin, approval.origin])
        }
    }

    /// The names the API server asks `approve` for: the signer's, then its domain's with `/*`.
    static func signerNames(_ signer: String) -> [String] {
        guard let slash = signer.firstIndex(of: "/") else { return [signer] }
        return [signer, signer[..<slash] + "/*"]
    }
}
