import RampartNetwork
@testable import RampartTenancy
import Testing

/// A namespace's peers in other tenants are gathered one by one in no particular order: the
/// summary keeps the count, the tenants' count and the first five by namespace, as sorting every
/// peer did.
@Suite struct CrossTenantFlowsGatheringTests {
    @Test func keepsTheFirstFiveByNamespaceWhateverTheOrderOfArrival() throws {
        let names = (0..<9).map { "ns-\($0)" }
        let tenants = ["a", "b", "c"]
        var gathering = CrossTenantFlows.Gathering()
        for namespace in [7, 2, 8, 0, 5, 3, 6, 1, 4] {
            gathering.add(tenant: namespace % 3, namespace: namespace, connections: .all)
        }
        let flows = try #require(gathering.flows(names: names, tenants: tenants))
        #expect(flows.named.map(\.namespace) == ["ns-0", "ns-1", "ns-2", "ns-3", "ns-4"])
        #expect(flows.named.map(\.tenant) == ["a", "b", "c", "a", "b"])
        #expect(flows.count == 9)
        #expect(flows.counted == "9 namespaces of 3 other tenants")
        #expect(flows.listing.hasSuffix("; and 4 more namespaces"))
        #expect(flows.single == nil)
    }

    @Test func oneReachedPeerIsNamedAlone() throws {
        var gathering = CrossTenantFlows.Gathering()
        #expect(gathering.flows(names: ["x"], tenants: ["a"]) == nil)
        gathering.add(tenant: 0, namespace: 0, connections: .all)
        let flows = try #require(gathering.flows(names: ["x"], tenants: ["a"]))
        #expect(flows.single?.namespace == "x")
    }
}
