import RampartModel
import RampartRules
import Testing
@testable import RampartKube

/// The live reader lists exactly what the rules declare they read: a rule that reads a kind the
/// reader does not list would judge a live cluster without its evidence.
@Suite struct LiveKindsTests {
    @Test func everyKindARuleReadsIsReadLive() {
        let listed = Set(ScannedResources.all)
        for rule in Catalog.rules {
            for kind in rule.reads {
                #expect(listed.contains(ScannedResources.Wanted(group: kind.group, name: kind.resource)),
                        "\(rule.metadata.id) reads \(kind), which the live reader does not list")
            }
        }
    }

    @Test("the kinds the tenancy and fairness rules judge are listed on a live cluster")
    func tenancyEvidenceIsReadLive() {
        let listed = Set(ScannedResources.all)
        for kind in [ResourceKind.flowSchemas, .priorityLevelConfigurations, .peerAuthentications, .capsuleTenants,
                     .hncConfigurations, .runtimeClasses, .nodes] {
            #expect(listed.contains(ScannedResources.Wanted(group: kind.group, name: kind.resource)), "\(kind)")
        }
    }

    @Test("MutatingAdmissionPolicies and their bindings are read live, at the version the server serves them")
    func mutatingAdmissionPoliciesAreReadLive() async throws {
        var items = TestCluster.items
        items["/apis/admissionregistration.k8s.io/v1beta1/mutatingadmissionpolicies"] = [
            #"{"metadata":{"name":"default-labels"},"spec":{"mutations":[{"patchType":"JSONPatch","jsonPatch":{"expression":"[]"}}]}}"#,
        ]
        items["/apis/admissionregistration.k8s.io/v1beta1/mutatingadmissionpolicybindings"] = [
            #"{"metadata":{"name":"default-labels"},"spec":{"policyName":"default-labels"}}"#,
        ]
        let directory = try TestCluster.temporaryDirectory()
        let (snapshot, received) = try await FakeAPIServer.with(FakeAPIServer.Setup(items: items)) { server, port in
            let kubeconfig = try TestCluster.kubeconfig(port: port, user: ClusterReaderTests.tokenUser, in: directory)
            return (try await TestCluster.read(kubeconfig: kubeconfig), server.received.withLock { $0 })
        }
        let admission = snapshot.objects.filter { $0.reference.group == "admissionregistration.k8s.io" }
        #expect(admission.map { "\($0.reference.apiVersion) \($0.kind) \($0.name)" }.sorted() == [
            "admissionregistration.k8s.io/v1beta1 MutatingAdmissionPolicy default-labels",
            "admissionregistration.k8s.io/v1beta1 MutatingAdmissionPolicyBinding default-labels",
        ])
        #expect(snapshot.gaps.isEmpty, "\(snapshot.gaps)")
        // The validating policies are read at the preferred version only.
        #expect(!received.contains { $0.path.hasPrefix("/apis/admissionregistration.k8s.io/v1beta1/validatingadmissionpolicies") })
    }

    @Test func nothingIsListedThatNoRuleReads() {
        let read = Set(Catalog.rules.flatMap(\.reads).map { ScannedResources.Wanted(group: $0.group, name: $0.resource) })
        #expect(Set(ScannedResources.all) == read)
    }
}
