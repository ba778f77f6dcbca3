import Testing
@testable import RampartNetwork

/// The classic traps of NetworkPolicy semantics, one test each.
@Suite struct PolicySemanticsTests {
    @Test func noPolicyMeansEverythingIsAllowed() {
        let analysis = NetworkAnalysis(yaml: e2eCluster(""))
        #expect(analysis.allows("x/a", "y/b") == true)
        #expect(analysis.allows("x/a", "y/b", .sctp, 9999) == true)
        #expect(analysis.connections(from: 0, to: 1).isAll)
    }

    @Test func emptyPodSelectorIsolatesTheWholeNamespaceButOnlyThatNamespace() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: x}
            spec: {podSelector: {}}
            """))
        #expect(analysis.allows("y/a", "x/a") == false)
        #expect(analysis.allows("x/b", "x/a") == false)
        #expect(analysis.allows("x/a", "y/a") == true, "an ingress-only policy leaves egress open")
        #expect(analysis.allows("y/a", "z/a") == true)
    }

    @Test func policyTypesDefaultToEgressOnlyWhenEgressRulesExist() {
        let withEgress = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: a}}
              egress: [{to: [{podSelector: {matchLabels: {pod: b}}}]}]
            """))
        #expect(withEgress.allows("x/a", "x/b") == true)
        #expect(withEgress.allows("x/a", "x/c") == false, "egress rules without policyTypes isolate egress")
        #expect(withEgress.allows("x/c", "x/a") == false, "Ingress is always among the defaulted types")
        #expect(withEgress.policies[0].notes.contains { $0.contains("Ingress, Egress") })
    }

    @Test func absentFromAllowsEveryoneButEmptyPodSelectorOnlyTheNamespace() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: open, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: a}}
              ingress: [{}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: same-namespace, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: b}}
              ingress: [{from: [{podSelector: {}}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: all-namespaces, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: c}}
              ingress: [{from: [{namespaceSelector: {}}]}]
            """))
        #expect(analysis.allows("z/c", "x/a") == true)
        #expect(analysis.allows("x/c", "x/b") == true)
        #expect(analysis.allows("y/a", "x/b") == false, "podSelector {} alone means the policy's namespace")
        #expect(analysis.allows("y/a", "x/c") == true, "namespaceSelector {} means every namespace")
        let b = analysis.pod("x/b") ?? 0
        let outside = analysis.decide(from: .address(IPAddress("8.8.8.8")!), to: .pod(b), proto: .tcp, port: 80)
        #expect(outside?.allowed == false, "selectors never match addresses outside the cluster")
        let a = analysis.pod("x/a") ?? 0
        #expect(analysis.decide(from: .address(IPAddress("8.8.8.8")!), to: .pod(a), proto: .tcp, port: 80)?.allowed == true)
    }

    @Test func bothSelectorsInOnePeerAreAndTwoPeersAreOr() {
        let and = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: and, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: a}}
              ingress:
              - from:
                - namespaceSelector: {matchLabels: {ns: y}}
                  podSelector: {matchLabels: {pod: b}}
            """))
        #expect(and.allows("y/b", "x/a") == true)
        #expect(and.allows("y/c", "x/a") == false)
        #expect(and.allows("x/b", "x/a") == false)
        let or = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: or, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: a}}
              ingress:
              - from:
                - namespaceSelector: {matchLabels: {ns: y}}
                - podSelector: {matchLabels: {pod: b}}
            """))
        #expect(or.allows("y/c", "x/a") == true)
        #expect(or.allows("x/b", "x/a") == true)
        #expect(or.allows("z/b", "x/a") == false, "podSelector alone stays in the policy's namespace")
    }

    @Test func namedPortsResolvePerDestinationAndProtocol() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: named, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: a}}
              ingress: [{ports: [{port: serve-80-udp, protocol: UDP}, {port: serve-81-tcp, protocol: UDP}]}]
            """))
        #expect(analysis.allows("y/a", "x/a", .udp, 80) == true)
        #expect(analysis.allows("y/a", "x/a", .tcp, 80) == false)
        #expect(analysis.allows("y/a", "x/a", .udp, 81) == false, "the name exists, but for TCP only")
        #expect(analysis.allows("y/a", "x/a", .tcp, 81) == false)
    }

    @Test func egressNamedPortsResolveAtTheDestination() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: v1
            kind: Pod
            metadata: {name: odd, namespace: y, labels: {pod: odd}}
            spec: {containers: [{name: c, ports: [{name: serve-80-tcp, containerPort: 8080}]}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: egress-named, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: a}}
              policyTypes: [Egress]
              egress: [{ports: [{port: serve-80-tcp}]}]
            """))
        #expect(analysis.allows("x/a", "y/b", .tcp, 80) == true)
        #expect(analysis.allows("x/a", "y/odd", .tcp, 80) == false)
        #expect(analysis.allows("x/a", "y/odd", .tcp, 8080) == true)
    }

    @Test func endPortAllowsAClosedRange() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: range, namespace: x}
            spec:
              podSelector: {}
              ingress: [{ports: [{port: 81, endPort: 90}, {protocol: SCTP}]}]
            """))
        #expect(analysis.allows("y/a", "x/a", .tcp, 80) == false)
        #expect(analysis.allows("y/a", "x/a", .tcp, 81) == true)
        #expect(analysis.allows("y/a", "x/a", .tcp, 90) == true)
        #expect(analysis.allows("y/a", "x/a", .tcp, 91) == false)
        #expect(analysis.allows("y/a", "x/a", .udp, 85) == false)
        #expect(analysis.allows("y/a", "x/a", .sctp, 12345) == true, "a protocol without a port opens all its ports")
    }

    @Test func ipBlockExceptAndPodAddresses() {
        let analysis = NetworkAnalysis(yaml: """
            apiVersion: v1
            kind: Pod
            metadata: {name: client, namespace: x, labels: {pod: client}}
            spec: {containers: [{name: c}]}
            status: {podIP: 10.0.0.5, podIPs: [{ip: 10.0.0.5}, {ip: "fd00::5"}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: other, namespace: x, labels: {pod: other}}
            spec: {containers: [{name: c}]}
            status: {podIP: 10.0.1.5}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: server, namespace: x, labels: {pod: server}}
            spec: {containers: [{name: c}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: cidr, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: server}}
              ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24]}}, {ipBlock: {cidr: "fd00::/64"}}]}]
            """)
        #expect(analysis.allows("x/client", "x/server") == true)
        #expect(analysis.allows("x/other", "x/server") == false)
        let server = analysis.pod("x/server") ?? 0
        let map = AddressMap(analysis.externalEntries(of: analysis.groupOfPod[server], .ingress))
        #expect(map.pieces.map(\.range.description) == ["10.0.0.0-10.0.0.255", "10.0.2.0-10.0.255.255",
                                                        "fd00::-fd00::ffff:ffff:ffff:ffff"])
    }

    @Test func anyAllowingPolicyWinsAndBothSidesMustAgree() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all, namespace: x}
            spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-a-in}
            spec:
              podSelector: {matchLabels: {pod: a}}
              ingress: [{}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-a-in, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: a}}
              ingress: [{}]
            """))
        #expect(analysis.allows("y/a", "x/a") == true, "the allow-all ingress policy wins over deny-all")
        #expect(analysis.allows("x/b", "x/a") == false, "x/b's own egress is denied")
        #expect(analysis.policies[1].namespace == "default")
        let decision = analysis.decide(from: .pod(analysis.pod("x/b") ?? 0), to: .pod(analysis.pod("x/a") ?? 0), proto: .tcp, port: 80)
        #expect(decision?.egress?.allowed == false)
        #expect(decision?.ingress?.allowedBy.map(\.text) == ["x/allow-a-in ingress[0]"])
        #expect(decision?.ingress?.selectedBy.sorted() == ["x/allow-a-in", "x/deny-all"])
    }

    @Test func invalidPoliciesMatchNothingAndNeverCrash() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: broken, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: a}}
              ingress:
              - from: [{}, {ipBlock: {cidr: not-a-cidr}}, {ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]
                ports: [{port: 0}, {port: 70000}, {port: 80, endPort: 10}, {protocol: ICMP}, {port: "80"}]
              - ports: [{port: [1]}]
            """))
        #expect(analysis.allows("x/b", "x/a") == false)
        #expect(analysis.policies[0].problems.count == 9)
    }
}
