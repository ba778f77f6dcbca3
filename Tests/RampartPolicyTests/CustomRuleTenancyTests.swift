import RampartPolicy
import RampartRules
import RampartTenancy
import Testing
import TestSupport

/// Custom rules count in the tenancy verdict under their declared layer, like the catalog's evidence.
@Suite struct CustomRuleTenancyTests {
    @Test func aFailingCustomRuleCountsAgainstItsTenantsLayer() throws {
        let (config, errors) = PolicyConfig.parse(Array(CustomRuleTests.config.utf8), file: ".rampart.yaml",
                                                  knownRules: CustomRuleTests.known)
        #expect(errors == [])
        let context = AuditContext(inventory: Fixtures.inventory(CustomRuleTests.manifests), settings: config.settings)
        context.useCustomRules(config.customRules)
        let acme = try #require(context.tenancy.verdicts.first { $0.tenant == "acme" })
        let fairness = try #require(acme.layers.first { $0.layer == .fairness })
        let custom = fairness.evidence.filter { $0.rules.contains { $0.hasPrefix("custom.") } }
        #expect(custom.map(\.rules) == [["custom.untrusted-replicas"], ["custom.cost-centre-label"], ["custom.cost-centre-label"]])
        #expect(custom.map(\.status) == [.fail, .warn, .warn], "high severity fails the layer; low warns")
        #expect(fairness.status == .fail && fairness.ceiling == .none)
        #expect(!acme.met)
        #expect(context.tenancy.gaps.contains { $0.kind == .isolationNotMet && $0.tenant == "acme" })
    }

    @Test func theConfiguredSeverityDecides() throws {
        let (config, _) = PolicyConfig.parse(Array((CustomRuleTests.config + "\nrules:\n  custom.untrusted-replicas: {severity: low}\n").utf8),
                                             file: ".rampart.yaml", knownRules: CustomRuleTests.known)
        let context = AuditContext(inventory: Fixtures.inventory(CustomRuleTests.manifests), settings: config.settings)
        context.useCustomRules(config.customRules, severities: config.rules.compactMapValues(\.severity))
        let fairness = try #require(context.tenancy.verdicts.first { $0.tenant == "acme" }?.layers.first { $0.layer == .fairness })
        #expect(fairness.evidence.filter { $0.rules == ["custom.untrusted-replicas"] }.map(\.status) == [.warn],
                "lowered to low by rules:, the finding warns instead of failing")
    }
}
