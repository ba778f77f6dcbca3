import Foundation
import RampartModel
import RampartRules
import Testing
@testable import RampartKube

/// A custom rule on a kind the catalog does not read still sees it live: the reader lists the
/// custom rules' kinds wherever discovery serves them.
@Suite struct LiveCustomKindsTests {
    @Test func theKindsOfCustomRulesAreListedLive() async throws {
        let rule = CustomRule(metadata: RuleMetadata(id: "custom.events", title: "t", severity: .low, layer: .tenancy, standards: [],
                                                     rationale: "r", remediation: "r"),
                              match: CustomRuleMatch(kinds: ["Event"]), variables: [],
                              validations: [.init(expression: try CustomExpression("true"))])
        var options = TestCluster.pagesOfThree
        options.kinds = ScannedResources.kinds(of: [rule])
        var items = TestCluster.items
        items["/api/v1/events"] = [#"{"metadata":{"name":"e1","namespace":"team-a"},"reason":"Pulled"}"#]
        let directory = try TestCluster.temporaryDirectory()
        let snapshot = try await FakeAPIServer.with(FakeAPIServer.Setup(items: items)) { _, port in
            try await TestCluster.read(kubeconfig: try TestCluster.kubeconfig(port: port, user: ClusterReaderTests.tokenUser, in: directory),
                                       options: options)
        }
        #expect(snapshot.objects.filter { $0.kind == "Event" }.map(\.name) == ["e1"])
        #expect(snapshot.resources.last?.name == "events")
    }

    @Test func aRuleOfTheCatalogsKindsAddsNothingAndAnyGroupIsAnyGroup() throws {
        let expression = try CustomExpression("true")
        func rule(_ groups: [String], _ kinds: [String]) -> CustomRule {
            CustomRule(metadata: RuleMetadata(id: "custom.x", title: "t", severity: .low, layer: .pod, standards: [], rationale: "r", remediation: "r"),
                       match: CustomRuleMatch(apiGroups: groups, kinds: kinds), variables: [], validations: [.init(expression: expression)])
        }
        let kinds = ScannedResources.kinds(of: [rule(["*"], ["Widget"]), rule(["apps"], ["Deployment"]), rule([], ["Widget"])])
        #expect(kinds == [.init(groups: [], kind: "Widget"), .init(groups: ["apps"], kind: "Deployment")])
        #expect(kinds[0].matches(group: "example.com", kind: "Widget") && !kinds[1].matches(group: "", kind: "Deployment"))
    }
}
