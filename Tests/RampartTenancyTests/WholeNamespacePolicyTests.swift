import RampartModel
import RampartTenancy
import Testing
import TestSupport

/// The network layer's default-deny evidence counts every policy kind whose subject is the whole
/// namespace (a Cilium `endpointSelector: {}`), not NetworkPolicies only: a namespace the CNI's own
/// policy isolates is not reported as open.
@Suite struct WholeNamespacePolicyTests {
    static let tenant = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-a, labels: {rampart.dev/tenant: a}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: team-a, labels: {app: web}}
        spec: {containers: [{name: c, image: registry.example.com/web:1}]}
        """

    func networkEvidence(_ yaml: String) -> [String] {
        let inventory = Fixtures.inventory(yaml)
        let report = TenancyAnalysis.analyse(inventory, model: TenantInference.infer(inventory, platform: []))
        return report.verdicts.flatMap(\.layers).filter { $0.layer == .network }.flatMap(\.evidence).map(\.message)
    }

    @Test func aCiliumPolicyOfTheWholeNamespaceIsolatesIt() {
        let open = networkEvidence(Self.tenant)
        #expect(open.contains { $0.contains("team-a: no network policy isolates every pod for Ingress") })
        let isolated = networkEvidence(Self.tenant + """

            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: default-deny, namespace: team-a}
            spec:
              endpointSelector: {}
              ingress: [{}]
              egress: [{}]
            """)
        #expect(!isolated.contains { $0.contains("no network policy isolates every pod for Ingress") })
        #expect(isolated.contains { $0.contains("Ingress isolated for every pod by CiliumNetworkPolicy default-deny") })
    }
}
