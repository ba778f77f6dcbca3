import Testing
@testable import RampartNetwork

/// CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy at L3/L4, after the examples of Cilium's
/// policy documentation (layer 3, layer 4, deny policies), on the e2e cluster (x, y, z × a, b, c).
@Suite struct CiliumPolicyTests {
    @Test func endpointSelectorsAllowOnlyTheNamedPeersOfTheSameNamespace() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: l3-rule, namespace: x}
            spec:
              endpointSelector: {matchLabels: {pod: a}}
              ingress: [{fromEndpoints: [{matchLabels: {pod: b}}]}]
            """))
        #expect(analysis.allows("x/b", "x/a") == true)
        #expect(analysis.allows("x/c", "x/a") == false)
        #expect(analysis.allows("y/b", "x/a") == false, "a namespaced policy's endpoint selector stays in its namespace")
        #expect(analysis.allows("x/a", "x/c") == true, "egress is not isolated")
    }

    @Test func namespaceLabelsInSelectorsReachOtherNamespaces() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: from-y, namespace: x}
            spec:
              endpointSelector: {}
              ingress:
              - fromEndpoints:
                - matchLabels: {k8s:io.kubernetes.pod.namespace: y, pod: a}
                - matchLabels: {io.cilium.k8s.namespace.labels.ns: z}
            """))
        #expect(analysis.allows("y/a", "x/b") == true)
        #expect(analysis.allows("y/b", "x/b") == false)
        #expect(analysis.allows("z/c", "x/a") == true)
        #expect(analysis.allows("x/c", "x/a") == false)
    }

    @Test func denyRulesWinOverEveryAllowIncludingNetworkPolicy() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: deny-80-from-y}
            spec:
              endpointSelector: {matchLabels: {k8s:io.kubernetes.pod.namespace: x}}
              ingressDeny:
              - fromEndpoints: [{matchLabels: {io.kubernetes.pod.namespace: y}}]
                toPorts: [{ports: [{port: "80", protocol: TCP}]}]
            """ + allowAllIngressInX))
        #expect(analysis.allows("y/a", "x/a", .tcp, 80) == false)
        #expect(analysis.allows("y/a", "x/a", .tcp, 81) == true)
        #expect(analysis.allows("z/a", "x/a", .tcp, 80) == true)
        let decision = analysis.decide(from: .pod(analysis.pod("y/a") ?? 0), to: .pod(analysis.pod("x/a") ?? 0), proto: .tcp, port: 80)
        #expect(decision?.ingress?.decidedBy?.text == "CiliumClusterwideNetworkPolicy deny-80-from-y ingress[0] (ingressDeny[0])")
    }

    @Test func toPortsLimitsProtocolsAndPortsAndL7IsNotedNotModelled() throws {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: l4-l7, namespace: x}
            spec:
              endpointSelector: {matchLabels: {pod: a}}
              ingress:
              - fromEndpoints: [{}]
                toPorts:
                - ports: [{port: "80", protocol: TCP}]
                  rules: {http: [{method: GET, path: "/public"}]}
              - toPorts: [{ports: [{port: serve-81-tcp}]}]
            """))
        #expect(analysis.allows("x/b", "x/a", .tcp, 80) == true)
        #expect(analysis.allows("y/b", "x/a", .tcp, 80) == false)
        #expect(analysis.allows("y/b", "x/a", .tcp, 81) == true, "a rule with ports only admits every peer")
        #expect(analysis.allows("x/b", "x/a", .udp, 80) == false)
        let notes = analysis.allPolicies[0].notes
        #expect(notes.contains { $0.contains("L7 rules (http) are not modelled") })
        let decision = analysis.decide(from: .pod(try #require(analysis.pod("x/b"))), to: .pod(try #require(analysis.pod("x/a"))),
                                       proto: .tcp, port: 80)
        #expect(decision?.ingress?.notes.contains { $0.hasPrefix("CiliumNetworkPolicy x/l4-l7: spec.ingress[0]: L7 rules") } == true,
                "the explanation says the L7 part is not modelled")
    }

    @Test func entitiesAndCIDRsNameAddressesOutsideTheCluster() throws {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: egress, namespace: x}
            spec:
              endpointSelector: {matchLabels: {pod: a}}
              egress:
              - toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.96.0.0/12]}]
              - toEntities: [cluster]
                toPorts: [{ports: [{port: "53", protocol: ANY}]}]
              - toEntities: [kube-apiserver]
            """))
        let pod = try #require(analysis.pod("x/a"))
        #expect(analysis.allows("x/a", "y/b", .udp, 53) == true)
        #expect(analysis.allows("x/a", "y/b", .tcp, 80) == false)
        let inside = try #require(IPAddress("10.1.2.3")), excluded = try #require(IPAddress("10.96.0.1"))
        #expect(analysis.decide(from: .pod(pod), to: .address(inside), proto: .tcp, port: 443)?.allowed == true)
        let apiServer = analysis.decide(from: .pod(pod), to: .address(excluded), proto: .tcp, port: 443)
        guard case .unknown(let reason)? = apiServer?.verdict else { Issue.record("expected unknown"); return }
        #expect(reason.contains("kube-apiserver"))
    }

    @Test func theKubeAPIServerEntityIsTheAPIServersEndpointsWhenTheInputsHoldThem() throws {
        let policy = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: api-only, namespace: x}
            spec:
              endpointSelector: {}
              egress: [{toEntities: [kube-apiserver]}]
            """
        let slices = """

            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: kubernetes, namespace: default, labels: {kubernetes.io/service-name: kubernetes}}
            addressType: IPv4
            endpoints: [{addresses: [172.18.0.2]}]
            ports: [{name: https, port: 6443, protocol: TCP}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: kubernetes-v6, namespace: default, labels: {kubernetes.io/service-name: kubernetes}}
            addressType: IPv6
            endpoints: [{addresses: ["fd00::2"]}]
            ports: [{name: https, port: 6443, protocol: TCP}]
            """
        let known = NetworkAnalysis(yaml: e2eCluster(policy + slices))
        let pod = try #require(known.pod("x/a"))
        let apiServer = try #require(IPAddress("172.18.0.2")), neighbour = try #require(IPAddress("172.18.0.3"))
        let apiServerV6 = try #require(IPAddress("fd00::2")), outside = try #require(IPAddress("8.8.8.8"))
        #expect(known.decide(from: .pod(pod), to: .address(apiServer), proto: .tcp, port: 6443)?.allowed == true)
        #expect(known.decide(from: .pod(pod), to: .address(apiServerV6), proto: .tcp, port: 6443)?.allowed == true)
        #expect(known.decide(from: .pod(pod), to: .address(neighbour), proto: .tcp, port: 6443)?.verdict == .denied, "exactly the endpoint: a /32")
        #expect(known.decide(from: .pod(pod), to: .address(outside), proto: .tcp, port: 443)?.verdict == .denied)
        #expect(known.allows("x/a", "x/b") == false, "the API server's addresses are no pod's")
        #expect(known.allows("x/a", "y/b") == false)

        let unknown = NetworkAnalysis(yaml: e2eCluster(policy))
        let verdict = unknown.decide(from: .pod(try #require(unknown.pod("x/a"))), to: .address(apiServer), proto: .tcp, port: 6443)?.verdict
        guard case .unknown(let reason)? = verdict else { Issue.record("expected unknown, got \(String(describing: verdict))"); return }
        #expect(reason.contains("API server's addresses, which are not among the inputs"))
    }

    @Test func anEmptyRuleIsolatesAndEnableDefaultDenyFalseDoesNot() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: deny-all, namespace: x}
            spec:
              endpointSelector: {}
              ingress: [{}]
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: no-default-deny, namespace: y}
            specs:
            - endpointSelector: {}
              enableDefaultDeny: {ingress: false}
              ingressDeny: [{fromEndpoints: [{matchLabels: {pod: c}}]}]
            """))
        #expect(analysis.allows("x/b", "x/a") == false)
        #expect(analysis.allows("y/a", "y/b") == true)
        #expect(analysis.allows("y/c", "y/b") == false)
        #expect(analysis.namespacesIsolatedWhole(.ingress) == ["x"], "x is default-deny for the netpol.no-default-deny rule; y is not")
    }

    @Test func serviceAccountSelectorsMatchThePodsServiceAccount() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: y, labels: {pod: a}}
            spec: {serviceAccountName: api, containers: [{name: c, image: i}]}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: from-api-account}
            spec:
              endpointSelector: {matchLabels: {k8s:io.kubernetes.pod.namespace: x}}
              ingress: [{fromEndpoints: [{matchLabels: {k8s:io.cilium.k8s.policy.serviceaccount: api}}]}]
            """))
        #expect(analysis.allows("y/api", "x/a") == true)
        #expect(analysis.allows("y/a", "x/a") == false, "same labels, the default service account")
    }
}
