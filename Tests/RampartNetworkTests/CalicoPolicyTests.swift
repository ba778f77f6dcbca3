import RampartModel
import Testing
@testable import RampartNetwork

/// Calico NetworkPolicy and GlobalNetworkPolicy (`projectcalico.org/v3`), after the examples of
/// Calico's policy reference, on the e2e cluster (x, y, z × a, b, c).
@Suite struct CalicoPolicyTests {
    @Test func selectorExpressionsBecomeUnionsOfLabelSelectors() throws {
        let selectors = try CalicoSelector.parse("pod == 'a' && !has(test) || pod in {'b', 'c'} && ns != \"x\"")
        #expect(selectors.count == 2)
        #expect(selectors[0].matches(["pod": "a"]) && !selectors[0].matches(["pod": "a", "test": "1"]))
        #expect(selectors[1].matches(["pod": "c"]) && !selectors[1].matches(["pod": "c", "ns": "x"]))
        #expect(try CalicoSelector.parse("!(pod == 'a' || pod == 'b')").count == 1)
        #expect(try CalicoSelector.parse("all()").first?.matches([:]) == true)
        #expect(try CalicoSelector.parse("name contains 'x'").first?.matches(["name": "box"]) == false,
                "without the inputs' label values, contains matches nothing")
        #expect(throws: CalicoSelector.Failure.self) { try CalicoSelector.parse("pod == 'a' &&") }
        #expect(throws: CalicoSelector.Failure.self) { try CalicoSelector.parse(String(repeating: "(", count: 500)) }
    }

    @Test func anAllowRuleWithProtocolAndPortsAdmitsTheSourceSelector() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: allow-tcp-80, namespace: x}
            spec:
              selector: pod == 'a'
              ingress:
              - action: Allow
                protocol: TCP
                source: {selector: pod == 'b'}
                destination: {ports: [80]}
            """))
        #expect(analysis.allows("x/b", "x/a", .tcp, 80) == true)
        #expect(analysis.allows("x/b", "x/a", .tcp, 81) == false)
        #expect(analysis.allows("y/b", "x/a", .tcp, 80) == false, "a namespaced policy's selector stays in its namespace")
        #expect(analysis.allows("x/c", "x/a", .tcp, 80) == false)
    }

    @Test func orderDecidesAndPassSkipsToTheNextTier() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: deny-z}
            spec:
              order: 10
              selector: all()
              namespaceSelector: projectcalico.org/name == 'x'
              ingress:
              - {action: Log}
              - {action: Pass, source: {namespaceSelector: ns == 'y'}}
              - {action: Deny, source: {namespaceSelector: ns == 'z'}}
            """ + allowAllIngressInX))
        #expect(analysis.allows("z/a", "x/a") == false, "order 10 comes before the NetworkPolicy's 1000")
        #expect(analysis.allows("y/a", "x/a") == true, "passed beyond the NetworkPolicy: nothing else decides")
        #expect(analysis.allows("x/b", "x/a") == true, "the NetworkPolicy allows it")
    }

    /// The datastore's own form (`crd.projectcalico.org/v1`, as a dump of the CRDs holds it) reads the same.
    @Test func netsAndDenyWithoutOrderComeLast() throws {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: crd.projectcalico.org/v1
            kind: NetworkPolicy
            metadata: {name: egress, namespace: x}
            spec:
              selector: all()
              types: [Egress]
              egress:
              - {action: Allow, protocol: UDP, destination: {nets: [10.0.0.0/8], ports: ["53:54"]}}
              - {action: Deny, protocol: ICMP}
              - {action: Allow, destination: {namespaceSelector: all()}}
            """))
        let pod = try #require(analysis.pod("x/a")), dns = try #require(IPAddress("10.0.0.10"))
        #expect(analysis.decide(from: .pod(pod), to: .address(dns), proto: .udp, port: 54)?.allowed == true)
        #expect(analysis.decide(from: .pod(pod), to: .address(dns), proto: .tcp, port: 80)?.allowed == false)
        #expect(analysis.allows("x/a", "y/b", .tcp, 80) == true, "the ICMP rule matches no TCP connection")
        #expect(analysis.allows("y/b", "x/a") == true, "ingress is not isolated by an Egress-only policy")
        #expect(analysis.namespacesIsolatedWhole(.egress) == ["x"] && analysis.namespacesIsolatedWhole(.ingress).isEmpty)
    }

    @Test func stringOperatorsMatchTheLabelValuesOfTheInputs() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: string-operators}
            spec:
              selector: pod starts with 'a' || pod ends with 'c'
              namespaceSelector: projectcalico.org/name contains 'x'
              ingress:
              - {action: Allow, source: {serviceAccounts: {names: [api]}}}
            """))
        #expect(analysis.allows("y/b", "x/a") == false, "x/a is selected and isolated")
        #expect(analysis.allows("y/b", "x/c") == false)
        #expect(analysis.allows("y/a", "x/b") == true, "x/b is not selected")
        #expect(analysis.allows("x/a", "y/a") == true, "y is not selected")
        #expect(analysis.allPolicies[0].notes.contains { $0.contains("serviceAccounts is not modelled") })
    }

    @Test func unreadableSelectorsAreProblems() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: odd}
            spec:
              selector: pod === 'a'
              ingress: [{action: Deny}]
            """))
        #expect(analysis.allPolicies[0].problems.contains { $0.contains("selector 'pod === 'a''") })
        #expect(analysis.allows("y/a", "x/a") == true, "a selector the API server would reject selects no pod")
    }
}
