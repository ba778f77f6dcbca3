import RampartModel
import RampartRBAC
import Testing
import TestSupport

/// Client certificates from the built-in signers: approving CSRs for the kubelet client signer
/// gives any node's identity, `sign` and ClusterTrustBundle writes give no identity.
@Suite struct CertificateSignerTests {
    static let alice = Subject(kind: .user, name: "alice")

    /// alice creates CSRs, approves them, and holds `verb` on the signers `signers`.
    static func approver(_ verb: String, signers: String) -> String {
        EscalationTests.grant("csr", rule: """
            {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests], verbs: [create]}, \
            {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval, certificatesigningrequests/status], verbs: [update]}, \
            {apiGroups: [certificates.k8s.io], resources: [signers], resourceNames: [\(signers)], verbs: [\(verb)]}
            """, to: "{kind: User, name: alice}") + EscalationTests.opsIsClusterAdmin + EscalationTests.pod("ops", account: "ops", automount: true)
    }

    func adminPaths(_ yaml: String) -> [EscalationPath] {
        let inventory = Fixtures.inventory(yaml)
        var analysis = EscalationAnalysis(policy: RBACPolicy(inventory: inventory), inventory: inventory)
        return analysis.clusterAdminPaths(from: [Self.alice])
    }

    @Test func kubeletClientCertificatesActAsAnyNode() throws {
        let path = try #require(adminPaths(Self.approver("approve", signers: "kubernetes.io/kube-apiserver-client-kubelet")).first)
        #expect(path.steps.map(\.technique) == [.approveCertificate, .clusterAdmin])
        #expect(path.steps[0].explanation.contains("for the signer kubernetes.io/kube-apiserver-client-kubelet: a client certificate for any node"))
        #expect(path.steps[0].to == "ServiceAccount kube-system/ops")
    }

    @Test func theDomainWildcardApprovesEverySignerOfTheDomain() throws {
        let path = try #require(adminPaths(Self.approver("approve", signers: "\"kubernetes.io/*\"")).first)
        #expect(path.steps.map(\.technique) == [.approveCertificate], "the API server client signer comes first: cluster-admin at once")
        #expect(adminPaths(Self.approver("approve", signers: "kubernetes.io/kubelet-serving")).isEmpty, "serving certificates are no client identity")
    }

    @Test func signingAndAttestingGiveNoIdentity() {
        #expect(adminPaths(Self.approver("sign", signers: "kubernetes.io/kube-apiserver-client")).isEmpty)
        #expect(adminPaths(Self.approver("attest", signers: "kubernetes.io/kube-apiserver-client")).isEmpty)
    }
}
