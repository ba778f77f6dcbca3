import Testing
@testable import RampartNetwork

/// The tiered decision with the cluster-scoped kinds: what the conformance cases do not pin down.
@Suite struct AdminTierTests {
    @Test func samePriorityPoliciesThatDisagreeGiveAnUnknownVerdict() throws {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: allow-x}
            spec:
              priority: 5
              subject: {namespaces: {matchLabels: {ns: y}}}
              ingress: [{action: Allow, from: [{namespaces: {matchLabels: {ns: x}}}]}]
            ---
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: deny-x}
            spec:
              priority: 5
              subject: {namespaces: {matchLabels: {ns: y}}}
              ingress: [{action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}}]}]
            """))
        let source = try #require(analysis.pod("x/a")), destination = try #require(analysis.pod("y/a"))
        let outcome = analysis.outcome(from: source, to: destination)
        #expect(outcome.unknown.contains(.tcp, 80), "Allow and Deny at one priority: the implementation may apply either")
        #expect(outcome.allowed.contains(.tcp, 81), "only the Allow policy matches port 81")
        #expect(analysis.allows("z/a", "y/a") == false, "only the Deny policy matches z")
        let decision = analysis.decide(from: .pod(source), to: .pod(destination), proto: .tcp, port: 80)
        guard case .unknown(let reason)? = decision?.verdict else { Issue.record("expected unknown"); return }
        #expect(reason.contains("AdminNetworkPolicy allow-x") && reason.contains("AdminNetworkPolicy deny-x"))
    }

    @Test func domainNamesMakeExternalVerdictsUnknownButNotPodOnes() throws {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: egress-allowlist}
            spec:
              tier: Admin
              priority: 10
              subject: {namespaces: {}}
              egress:
              - {name: github, action: Accept, to: [{domainNames: ["*.github.com"]}]}
              - {name: deny-internet, action: Deny, to: [{networks: [0.0.0.0/0]}]}
            """))
        let pod = try #require(analysis.pod("x/a"))
        let external = try #require(IPAddress("140.82.112.3"))
        let decision = try #require(analysis.decide(from: .pod(pod), to: .address(external), proto: .tcp, port: 443))
        guard case .unknown(let reason) = decision.verdict else { Issue.record("expected unknown, got \(decision.verdict)"); return }
        #expect(reason.contains("*.github.com"))
        #expect(analysis.allows("x/a", "y/b") == true, "pods have no IPs here, so the networks rule does not match them")
        let v4Egress = analysis.externalConnections().filter { connection in
            guard connection.from == .workload(analysis.pods[pod].workload), case .addresses(let range) = connection.to else { return false }
            return range.family == .v4
        }
        #expect(v4Egress.isEmpty, "IPv4 egress is unknown or denied, never listed as allowed")
        let undecided = analysis.undecidedConnections().filter { $0.from == .workload(analysis.pods[pod].workload) }
        #expect(undecided.map(\.to.text) == ["0.0.0.0-255.255.255.255[External]", "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]"],
                "listed apart, as unknown: the names may resolve to IPv6 addresses too, which the Deny rule leaves open")
    }

    @Test func passHandsOverToNetworkPolicyAndBaselineDecidesUnselectedPods() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: pass-y}
            spec:
              priority: 1
              subject: {namespaces: {}}
              ingress: [{action: Pass, from: [{namespaces: {matchLabels: {ns: y}}}]}]
            ---
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: BaselineAdminNetworkPolicy
            metadata: {name: default}
            spec:
              subject: {namespaces: {}}
              ingress: [{action: Deny, from: [{namespaces: {}}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-y, namespace: x}
            spec:
              podSelector: {matchLabels: {pod: a}}
              ingress: [{from: [{namespaceSelector: {matchLabels: {ns: y}}}], ports: [{port: serve-80-tcp}]}]
            """))
        #expect(analysis.allows("y/a", "x/a", .tcp, 80) == true, "passed to the NetworkPolicy, which allows the named port")
        #expect(analysis.allows("y/a", "x/a", .tcp, 81) == false, "the NetworkPolicy isolates x/a: final")
        #expect(analysis.allows("y/a", "x/b", .tcp, 80) == false, "x/b has no NetworkPolicy: the baseline denies")
        #expect(analysis.allows("x/b", "x/c") == false)
        let decision = analysis.decide(from: .pod(analysis.pod("y/a") ?? 0), to: .pod(analysis.pod("x/b") ?? 0), proto: .tcp, port: 80)
        #expect(decision?.ingress?.decidedBy?.text == "BaselineAdminNetworkPolicy default ingress[0]")
        #expect(decision?.ingress?.tier == .baseline)
    }

    @Test func portRangesAndNamedPortsOfBothAPIVersions() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: v1}
            spec:
              priority: 1
              subject: {pods: {namespaceSelector: {matchLabels: {ns: x}}, podSelector: {matchLabels: {pod: a}}}}
              ingress:
              - {action: Allow, from: [{namespaces: {}}], ports: [{namedPort: serve-81-tcp}, {portRange: {protocol: UDP, start: 70, end: 90}}]}
              - {action: Deny, from: [{namespaces: {}}]}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: v2}
            spec:
              tier: Admin
              priority: 2
              subject: {namespaces: {matchLabels: {ns: y}}}
              ingress:
              - {action: Accept, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {range: {start: 80, end: 80}}}}, {destinationNamedPort: serve-80-udp}]}
              - {action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {}}}]}
            """))
        #expect(analysis.allows("z/a", "x/a", .tcp, 81) == true)
        #expect(analysis.allows("z/a", "x/a", .tcp, 80) == false)
        #expect(analysis.allows("z/a", "x/a", .udp, 80) == true)
        #expect(analysis.allows("z/a", "x/b", .tcp, 80) == true, "x/b is not a subject")
        #expect(analysis.allows("z/a", "y/c", .tcp, 80) == true)
        #expect(analysis.allows("z/a", "y/c", .udp, 80) == true)
        #expect(analysis.allows("z/a", "y/c", .tcp, 81) == false)
    }

    @Test func unknownActionsAndMissingSubjectsAreProblemsNotCrashes() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: broken}
            spec:
              tier: Middle
              priority: 5000
              subject: {}
              ingress: [{action: Allow, from: [{}]}, {action: Deny, from: [{}]}]
            """))
        let policy = analysis.allPolicies[0]
        #expect(policy.problems.count == 5)
        #expect(analysis.allows("x/a", "y/a") == true, "a policy of no known tier selects no pod")
    }

    @Test func nodesPeersAreTheAddressesOfTheNodesOfTheInputs() throws {
        let policy = """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: protect-nodes}
            spec:
              priority: 1
              subject: {namespaces: {}}
              egress: [{action: Deny, to: [{nodes: {matchLabels: {pool: system}}}]}]
            """
        let node = """
            apiVersion: v1
            kind: Node
            metadata: {name: system-a, labels: {pool: system}}
            status: {addresses: [{type: InternalIP, address: 192.168.10.11}, {type: Hostname, address: system-a}]}
            """
        let withNodes = NetworkAnalysis(yaml: e2eCluster(policy + "\n---\n" + node))
        let pod = try #require(withNodes.pod("x/a"))
        let nodeAddress = try #require(IPAddress("192.168.10.11")), other = try #require(IPAddress("192.168.10.12"))
        #expect(withNodes.decide(from: .pod(pod), to: .address(nodeAddress), proto: .tcp, port: 10250)?.verdict == .denied)
        #expect(withNodes.decide(from: .pod(pod), to: .address(other), proto: .tcp, port: 10250)?.verdict == .allowed)
        let withoutNodes = NetworkAnalysis(yaml: e2eCluster(policy))
        guard case .unknown(let reason)? = withoutNodes.decide(from: .pod(pod), to: .address(other), proto: .tcp, port: 10250)?.verdict else {
            Issue.record("without Nodes the addresses are unknown")
            return
        }
        #expect(reason.contains("no Node is among the inputs"))
    }
}
