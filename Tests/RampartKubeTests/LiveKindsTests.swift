import RampartKube
import RampartModel
import RampartRules
import Testing

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

    @Test func nothingIsListedThatNoRuleReads() {
        let read = Set(Catalog.rules.flatMap(\.reads).map { ScannedResources.Wanted(group: $0.group, name: $0.resource) })
        #expect(Set(ScannedResources.all) == read)
    }
}
