import Testing
@testable import RampartNetwork

/// An admin- or baseline-tier policy that denies everything for a namespace is that namespace's
/// default deny (what `netpol.no-default-deny*` and the tenancy network layer look for).
@Suite struct AdminDenyAllTests {
    @Test func anAdminDenyAllCountsAsDefaultDenyForTheNamespacesItCovers() {
        let analysis = NetworkAnalysis(yaml: e2eCluster("""
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: isolate-x}
            spec:
              priority: 50
              subject: {namespaces: {matchLabels: {ns: x}}}
              ingress: [{name: deny-all, action: Deny, from: [{namespaces: {}}]}]
              egress:
              - {name: dns, action: Allow, to: [{namespaces: {}}], ports: [{portNumber: {protocol: UDP, port: 53}}]}
              - {name: deny-all, action: Deny, to: [{namespaces: {}}, {networks: [0.0.0.0/0]}]}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: BaselineAdminNetworkPolicy
            metadata: {name: default}
            spec:
              subject: {namespaces: {matchLabels: {ns: y}}}
              ingress: [{action: Deny, from: [{namespaces: {}}]}]
              egress: [{action: Deny, to: [{namespaces: {}}]}]
            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: partial-z}
            spec:
              tier: Admin
              priority: 10
              subject: {namespaces: {matchLabels: {ns: z}}}
              ingress: [{action: Deny, from: [{namespaces: {matchLabels: {ns: x}}}]}]
              egress: [{action: Deny, to: [{namespaces: {}}, {networks: [0.0.0.0/0]}], protocols: [{tcp: {destinationPort: {number: 80}}}]}]
            """))
        #expect(analysis.namespacesIsolatedWhole(.ingress) == ["x", "y"], "z's ingress deny names one namespace only")
        #expect(analysis.namespacesIsolatedWhole(.egress) == ["x"],
                "y's baseline egress deny leaves addresses outside the cluster open; z's names one port")
        #expect(analysis.defaultDenyPolicies(.ingress)["x"]?.map(\.name) == ["isolate-x"])
    }
}
