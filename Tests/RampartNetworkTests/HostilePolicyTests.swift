import Testing
@testable import RampartNetwork

/// Policies of every kind with fields of the wrong type or out of range: the analysis is built, every
/// pair is decided, nothing traps.
@Suite struct HostilePolicyTests {
    static let documents = [
        """
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: wrong-types}
        spec:
          priority: 99999999999999999999999
          subject: [not, a, map]
          ingress: {action: Deny}
          egress:
          - {action: Deny, to: [{networks: [300.1.1.1/40, "::/999", 7]}], ports: [{portRange: {start: 65535, end: 1}}, {portNumber: {port: -1}}]}
        """,
        """
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: wrong-types}
        spec:
          tier: Admin
          priority: 1
          subject: {pods: {namespaceSelector: {matchExpressions: [{key: a, operator: Sometimes}]}, podSelector: 5}}
          ingress: [{action: Pass, from: [{namespaces: []}], protocols: [{tcp: {destinationPort: {range: {start: 0, end: 99999999}}}}, {udp: 3}]}]
        """,
        """
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata: {name: wrong-types}
        specs:
        - endpointSelector: {matchLabels: {"reserved:host": ""}}
          egress: [{toPorts: [{ports: [{port: "99999999999999999999999"}, {port: "-5", endPort: 3}]}], toCIDR: [nope]}]
        - endpointSelector: {}
          ingressDeny: [{fromEntities: [moon], toPorts: [{ports: []}]}]
          enableDefaultDeny: yes
        """,
        """
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: {name: wrong-types}
        spec:
          order: nan
          selector: "((((a == 'x' || b == 'y') && (c == 'z' || d == 'w')) || e in {'1','2'}) && !(f != 'g' && has(h)))"
          namespaceSelector: "a == "
          ingress:
          - {action: Allow, protocol: 300, destination: {ports: ["70000:1", "9:8", "x:y", -4]}}
          - {action: Teleport}
        """,
    ]

    @Test(arguments: documents)
    func everyPairIsDecided(_ document: String) {
        let analysis = NetworkAnalysis(yaml: e2eCluster(document))
        for source in analysis.pods.indices {
            for destination in analysis.pods.indices where source != destination {
                let outcome = analysis.outcome(from: source, to: destination)
                #expect(outcome.allowed.intersection(outcome.unknown).isEmpty)
                _ = analysis.decide(from: .pod(source), to: .pod(destination), proto: .udp, port: 53)
            }
        }
        _ = analysis.connectionList()
        _ = analysis.undecidedConnections()
        #expect(analysis.allPolicies.contains { !$0.problems.isEmpty || !$0.notes.isEmpty })
    }
}
