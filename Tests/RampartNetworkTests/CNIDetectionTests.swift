import RampartModel
import Testing
import TestSupport
@testable import RampartNetwork

/// The CNI as kube-system's DaemonSets show it, and which policy families it enforces.
@Suite struct CNIDetectionTests {
    private func detect(_ daemonSets: [(namespace: String, name: String, image: String)], config: String = "") -> [DetectedCNI] {
        let documents = daemonSets.map { ds in
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: \(ds.name), namespace: \(ds.namespace)}
            spec:
              template:
                spec:
                  containers: [{name: main, image: "\(ds.image)"}]
            """
        } + (config.isEmpty ? [] : [config])
        return CNIDetection.detect(Fixtures.inventory(documents.joined(separator: "\n---\n")))
    }

    @Test func calicoEnforcesAdminPoliciesFromVersion330() {
        let old = detect([("calico-system", "calico-node", "docker.io/calico/node:v3.28.1")])
        #expect(old.map(\.name) == ["Calico"])
        #expect(old.first?.enforces == [.networkPolicy, .calico])
        #expect(old.first?.note?.contains("3.30") == true)
        let new = detect([("calico-system", "calico-node", "quay.io/calico/node:v3.30.2")])
        #expect(new.first?.enforces.contains(.adminNetworkPolicy) == true)
    }

    @Test func flannelAndTheVPCCNIWithoutItsAgentEnforceNothing() {
        #expect(detect([("kube-flannel", "kube-flannel-ds", "ghcr.io/flannel-io/flannel:v0.26.1")]).first?.enforces == [])
        #expect(detect([("kube-system", "aws-node", "amazon-k8s-cni:v1.19.2")]).first?.enforces == [])
        let enabled = detect([("kube-system", "aws-node", "amazon-k8s-cni:v1.19.2")], config: """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: amazon-vpc-cni, namespace: kube-system}
            data: {enable-network-policy-controller: "true"}
            """)
        #expect(enabled.first?.enforces == [.networkPolicy])
    }

    @Test func ciliumIsFoundByImageAndUnknownAgentsAreNotGuessed() {
        #expect(detect([("kube-system", "cilium-agent", "quay.io/cilium/cilium:v1.16.3")]).first?.enforces == [.networkPolicy, .cilium])
        #expect(detect([("kube-system", "cilium-envoy", "quay.io/cilium/cilium-envoy:v1.30")]).isEmpty)
        #expect(detect([("kube-system", "my-cni", "example.com/cni:1.0"), ("team-a", "calico-node", "calico/node:v3.30.0")]).isEmpty,
                "an unknown agent is not guessed at, and tenants' DaemonSets are not the CNI")
    }
}
