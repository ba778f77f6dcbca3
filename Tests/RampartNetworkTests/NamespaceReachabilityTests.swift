import Testing
@testable import RampartNetwork

/// Namespace reachability worked out per class of namespaces against the pod-by-pod answer.
@Suite struct NamespaceReachabilityTests {
    /// The e2e namespaces with policies that tell groups apart (named ports, a namespace label, a
    /// pod label, a single pod that cannot reach itself), and open namespaces that differ only in name.
    static let cluster: String = {
        var documents = [e2eCluster("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: from-blue-on-a-named-port, namespace: x}
            spec:
              podSelector: {}
              ingress: [{from: [{namespaceSelector: {matchLabels: {team: blue}}}], ports: [{port: serve-80-tcp}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: egress-on-named-ports, namespace: y}
            spec:
              podSelector: {matchLabels: {pod: a}}
              egress: [{ports: [{port: serve-81-tcp}, {port: serve-80-udp, protocol: UDP}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: only-from-web, namespace: z}
            spec:
              podSelector: {matchLabels: {pod: b}}
              ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}]}]
            """)]
        for index in 1...8 {
            let team = index <= 3 ? "blue" : "green"
            let app = index.isMultiple(of: 2) ? "web" : "db"
            documents.append("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: open-\(index), labels: {team: \(team)}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: open-\(index), labels: {app: \(app)}}
                spec: {containers: [{name: c, ports: [{name: serve-80-tcp, containerPort: \(8000 + index)}]}]}
                """)
            if index > 6 {
                documents.append("""
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: q, namespace: open-\(index), labels: {app: \(app)}}
                    spec: {containers: [{name: c}]}
                    """)
            }
        }
        return documents.joined(separator: "\n---\n")
    }()

    /// Every ordered pair of distinct pods, their connections united per pair of namespaces.
    static func podByPod(_ analysis: NetworkAnalysis) -> [NamespaceFlow] {
        var union: [[String]: ConnectionSet] = [:]
        for source in analysis.pods.indices {
            for destination in analysis.pods.indices where source != destination {
                let key = [analysis.pods[source].namespace, analysis.pods[destination].namespace]
                union[key, default: .none] = union[key, default: .none].union(analysis.connections(from: source, to: destination))
            }
        }
        return union.compactMap { key, connections in
            connections.isEmpty ? nil : NamespaceFlow(from: key[0], to: key[1], connections: connections)
        }.sorted()
    }

    @Test func classesGiveThePodByPodAnswer() {
        let analysis = NetworkAnalysis(yaml: Self.cluster)
        let flows = analysis.namespaceReachability()
        #expect(flows == Self.podByPod(analysis))
        #expect(flows.contains { $0.from == "open-1" && $0.to == "x" && $0.connections.text == "TCP 80" },
                "a blue namespace reaches x on the named port its pods serve")
        #expect(!flows.contains { $0.from == "open-4" && $0.to == "x" }, "a green one does not")
        #expect(!flows.contains { $0.from == "open-1" && $0.to == "open-1" }, "a lone pod does not reach itself")
        #expect(flows.contains { $0.from == "open-7" && $0.to == "open-7" })
    }

    @Test func aNamespaceReadsItsOwnFlowsInListOrder() {
        let reachability = NetworkAnalysis(yaml: Self.cluster).reachabilityByNamespace()
        let flows = reachability.flows
        for namespace in reachability.names {
            #expect(reachability.flows(from: namespace) == flows.filter { $0.from == namespace })
        }
        #expect(reachability.flows(from: "absent").isEmpty)
    }

    @Test func aNamespaceVisitsEachOtherNamespaceItExchangesConnectionsWithOnce() throws {
        let reachability = NetworkAnalysis(yaml: Self.cluster).reachabilityByNamespace()
        let flows = reachability.flows
        for namespace in reachability.names {
            let position = try #require(reachability.position(of: namespace))
            for outgoing in [false, true] {
                var visited: [NamespaceFlow] = []
                reachability.forEachPeer(of: position, outgoing: outgoing) { peer, connections in
                    let other = reachability.names[peer]
                    visited.append(NamespaceFlow(from: outgoing ? namespace : other, to: outgoing ? other : namespace, connections: connections))
                }
                let expected = flows.filter { $0.from != $0.to && (outgoing ? $0.from : $0.to) == namespace }
                #expect(visited.sorted() == expected)
            }
        }
        #expect(reachability.position(of: "absent") == nil)
    }

    @Test func openNamespacesShareOneClassWhateverTheirCount() {
        let openOnly = (1...40).map { index in
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: tenant-\(index), labels: {app: app-\(index)}}
            spec: {containers: [{name: c}]}
            """
        }.joined(separator: "\n---\n")
        let analysis = NetworkAnalysis(yaml: openOnly)
        #expect(analysis.classes.count == 1)
        let reachability = analysis.reachabilityByNamespace()
        #expect(reachability.classCount == 1)
        #expect(reachability.flows.count == 40 * 39)
        #expect(reachability.flows.allSatisfy { $0.connections.isAll && $0.from != $0.to })
    }
}
