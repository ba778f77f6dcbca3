import Foundation
import RampartModel
import RampartTenancy
import Testing
import TestSupport

/// Egress to the Kubernetes API server per tenant, under the tiered decision: untrusted tenants
/// that reach it get a gap; pods on the host network always reach it; an admin-tier deny is a
/// default deny for the network layer.
@Suite struct APIServerEgressTests {
    static let cluster = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: acme, labels: {rampart.dev/tenant: acme, rampart.dev/trust: untrusted}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-a, labels: {rampart.dev/tenant: team-a}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: kubernetes, namespace: default}
        spec: {clusterIP: 10.96.0.1, ports: [{name: https, port: 443}]}
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: kubernetes, namespace: default}
        subsets: [{addresses: [{ip: 172.18.0.2}], ports: [{name: https, port: 6443}]}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: notebook, namespace: acme}
        spec:
          selector: {matchLabels: {app: notebook}}
          template:
            metadata: {labels: {app: notebook}}
            spec: {containers: [{name: c, image: registry.example.com/nb:1}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: agent, namespace: acme}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {hostNetwork: true, containers: [{name: c, image: registry.example.com/agent:1}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: team-a}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: c, image: registry.example.com/web:1}]}
        """

    static let denyAllEgress = """

        ---
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: untrusted-egress}
        spec:
          priority: 10
          subject: {namespaces: {matchLabels: {rampart.dev/trust: untrusted}}}
          egress: [{name: deny-all, action: Deny, to: [{namespaces: {}}, {networks: [0.0.0.0/0]}]}]
        """

    func report(_ yaml: String) -> TenancyReport {
        let inventory = Fixtures.inventory(yaml)
        return TenancyAnalysis.analyse(inventory, model: TenantInference.infer(inventory, platform: []))
    }

    func apiServerGaps(_ report: TenancyReport) -> [String] {
        report.gaps.compactMap { gap in
            guard case .apiServerEgress(_, let workload, let address, _) = gap else { return nil }
            return "\(workload) \(address)"
        }.sorted()
    }

    @Test func untrustedWorkloadsThatReachTheAPIServerAreGaps() {
        let open = report(Self.cluster)
        #expect(apiServerGaps(open) == ["acme/agent[Deployment] 172.18.0.2:6443", "acme/notebook[Deployment] 172.18.0.2:6443"],
                "the endpoints, not the Service address, are what policies must allow")
        let teamA = open.verdict("team-a")?.layers.first { $0.layer == .network }?.evidence.map(\.message) ?? []
        #expect(teamA.contains { $0.contains("team-a/web[Deployment] can connect to the API server") }, "a trusted tenant: noted")
    }

    @Test func anAdminDenyStopsPodsButNotTheHostNetwork() {
        let denied = report(Self.cluster + Self.denyAllEgress)
        #expect(apiServerGaps(denied) == ["acme/agent[Deployment] 172.18.0.2:6443"])
        let network = denied.verdict("acme")?.layers.first { $0.layer == .network }?.evidence.map(\.message) ?? []
        #expect(network.contains { $0.contains("acme/notebook[Deployment] cannot reach the API server") })
        #expect(network.contains { $0.contains("acme: Egress denied for every pod (admin tier) by AdminNetworkPolicy untrusted-egress") })
    }

    @Test func theServiceAddressStandsInWithoutEndpoints() {
        let serviceOnly = Self.cluster.replacingOccurrences(of: "kind: Endpoints", with: "kind: EndpointsGone")
        #expect(apiServerGaps(report(serviceOnly)).contains("acme/notebook[Deployment] 10.96.0.1:443"))
    }

    @Test func ciliumsKubeAPIServerEntityAllowsTheEndpoints() {
        let onlyTo = { (entity: String) in
            Self.cluster + """

                ---
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: egress, namespace: acme}
                spec:
                  endpointSelector: {matchLabels: {app: notebook}}
                  egress: [{toEntities: [\(entity)]}]
                """
        }
        #expect(apiServerGaps(report(onlyTo("kube-apiserver"))).contains("acme/notebook[Deployment] 172.18.0.2:6443"))
        let host = report(onlyTo("host")).verdict("acme")?.layers.first { $0.layer == .network }?.evidence.map(\.message) ?? []
        #expect(host.contains { $0.contains("whether acme/notebook[Deployment] can reach the API server is unknown") },
                "an entity Rampart does not model stays unknown")
    }

    @Test func theVerdictSaysWhenTheCNIIsUnknown() {
        #expect(report(Self.cluster).networkEnforcement.determined == false)
        #expect(report(Self.cluster).networkEnforcement.statement.contains("could not be determined"))
        let calico = report(Self.cluster + """

            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: calico-node, namespace: kube-system}
            spec: {template: {spec: {containers: [{name: calico-node, image: docker.io/calico/node:v3.30.2}]}}}
            """)
        #expect(calico.networkEnforcement.cni == ["Calico"])
        #expect(calico.networkEnforcement.statement.hasPrefix("Calico (DaemonSet kube-system/calico-node) enforces"))
    }
}
