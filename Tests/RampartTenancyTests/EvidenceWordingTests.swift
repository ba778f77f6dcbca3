import RampartModel
import RampartRules
import RampartTenancy
import Testing

/// What the evidence of the example cluster must not say: static control-plane pods are no tenant's
/// compute risk, and the platform's own access into a tenant is a neutral note, never a green pass.
@Suite struct EvidenceWordingTests {
    let context = Example.context(Example.objects(), model: Example.model)

    @Test func staticControlPlanePodsAreNotNeighboursButDaemonSetsAre() throws {
        let acme = try #require(context.tenancy.verdict("acme"))
        let compute = try #require(acme.layers.first { $0.layer == .compute })
        for component in ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"] {
            #expect(!compute.evidence.contains { $0.message.contains("kube-system/\(component) ") }, "\(component) listed as a compute risk")
        }
        #expect(compute.evidence.contains { $0.status == .warn && $0.message.contains("monitoring/node-exporter") })
    }

    @Test func thePlatformsAccessIsANoteNotAPass() throws {
        let acme = try #require(context.tenancy.verdict("acme"))
        let evidence = acme.layers.flatMap(\.evidence)
        let platform = evidence.filter { $0.message.hasPrefix("platform: ") }
        #expect(!platform.isEmpty)
        #expect(platform.allSatisfy { $0.status == .note })
        // Pods open to addresses outside the cluster are no pass either, in any tenant.
        let outside = context.tenancy.verdicts.flatMap { $0.layers.flatMap(\.evidence) }.filter { $0.message.contains("outside the cluster") }
        #expect(!outside.isEmpty && !outside.contains { $0.status == .pass })
        // A note never raises or lowers a layer: payments still meets its isolation.
        #expect(context.tenancy.verdict("payments")?.met == true)
    }
}
