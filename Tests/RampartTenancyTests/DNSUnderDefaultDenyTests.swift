import RampartModel
import RampartTenancy
import Testing
import TestSupport

/// Name resolution where a tenant's egress is denied by default: the network layer says whether
/// its pods still reach the cluster DNS pods on port 53.
@Suite struct DNSUnderDefaultDenyTests {
    static let dnsPods = """

        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: kube-system}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: coredns, namespace: kube-system}
        spec:
          selector: {matchLabels: {k8s-app: kube-dns}}
          template:
            metadata: {labels: {k8s-app: kube-dns}}
            spec: {containers: [{name: coredns, image: registry.k8s.io/coredns/coredns:v1.11.1}]}
        """

    static let defaultDenyEgress = """

        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny, namespace: acme}
        spec: {podSelector: {}, policyTypes: [Egress]}
        """

    static let allowDNS = """

        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-dns, namespace: acme}
        spec:
          egress:
          - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
            ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
          podSelector: {}
          policyTypes: [Egress]
        """

    /// The DNS evidence of `tenant`'s network layer.
    func dnsEvidence(_ yaml: String, _ tenant: String = "acme") -> [Evidence] {
        let inventory = Fixtures.inventory(yaml)
        let report = TenancyAnalysis.analyse(inventory, model: TenantInference.infer(inventory, platform: []))
        let evidence = report.verdict(tenant)?.layers.first { $0.layer == .network }?.evidence ?? []
        return evidence.filter { $0.message.contains("DNS") }
    }

    @Test func dnsAllowedUnderDefaultDenyIsAPass() {
        let evidence = dnsEvidence(APIServerEgressTests.cluster + Self.dnsPods + Self.defaultDenyEgress + Self.allowDNS)
        #expect(evidence.map(\.message) == ["acme: DNS allowed (TCP or UDP 53 to the cluster DNS pods), everything else denied by default"])
        #expect(evidence.map(\.status) == [.pass])
        #expect(dnsEvidence(APIServerEgressTests.cluster + Self.dnsPods + Self.defaultDenyEgress + Self.allowDNS, "team-a").isEmpty,
                "team-a's egress is not denied by default")
    }

    @Test func defaultDenyWithoutDNSIsAWarning() {
        let evidence = dnsEvidence(APIServerEgressTests.cluster + Self.dnsPods + Self.defaultDenyEgress)
        #expect(evidence.count == 1)
        #expect(evidence.first?.message.hasPrefix("acme: egress is denied by default and DNS is not allowed: pods cannot resolve names") == true)
        #expect(evidence.first?.status == .warn)
    }

    @Test func nothingIsSaidWithoutDNSPodsAmongTheInputs() {
        #expect(dnsEvidence(APIServerEgressTests.cluster + Self.defaultDenyEgress).isEmpty)
    }
}
