import Foundation
@testable import RampartTenancy
import RampartModel
import RampartRules
import Testing
import TestSupport

/// A pod that sets `spec.nodeName` skips the scheduler, and with it every `NoSchedule` taint: on the
/// example cluster, a search pod that names a node of the payments pool lands among payments' pods.
/// A `NoExecute` taint still keeps it off (the kubelet rejects it, the taint manager evicts it).
@Suite struct NodeNamePlacementTests {
    static let intruder = """
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: team-search}
        spec:
          nodeName: payments-a
          containers: [{name: shell, image: registry.example.com/search/shell:1.0}]
        """

    @Test func aPodNamingAPoolNodeSkipsItsNoScheduleTaint() throws {
        let context = Example.context(Example.objects() + Fixtures.objects(Self.intruder), model: Example.model)
        let payments = try #require(context.tenancy.verdict("payments"))
        let compute = try #require(payments.layers.first { $0.layer == .compute })
        #expect(compute.status == .fail)
        #expect(compute.evidence.contains { $0.status == .fail && $0.message.contains("may run on nodes shared with search") })
        #expect(compute.evidence.contains { $0.chargedTo == "search" && $0.message.contains("names node payments-a") })
    }

    @Test func aNoExecuteTaintStillKeepsItOff() throws {
        let nodes = try String(contentsOf: Example.directory.appendingPathComponent("cluster/00-cluster.yaml"), encoding: .utf8)
        let noExecute = nodes.replacingOccurrences(of: "    value: payments\n    effect: NoSchedule", with: "    value: payments\n    effect: NoExecute")
        #expect(noExecute != nodes)
        let placement = Placement(Inventory(objects: Fixtures.objects(noExecute) + Fixtures.objects(Self.intruder)))
        let pod = try #require(PodTemplate(Fixtures.objects(Self.intruder)[0]))
        #expect(placement.place(pod).nodes == [])
        let scheduled = Placement(Inventory(objects: Fixtures.objects(nodes)))
        #expect(scheduled.place(pod).nodes == ["payments-a"])
    }
}
