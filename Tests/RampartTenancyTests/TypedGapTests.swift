import RampartModel
import RampartNetwork
import RampartPSS
@testable import RampartRules
import RampartTenancy
import Testing
import TestSupport

/// The engine reports typed gaps and names the rules behind its evidence by what they report; the
/// tenancy rules word the findings, and the Rules module attaches the IDs (issue 14).
@Suite struct TypedGapTests {
    let context = Example.context(Example.objects(), model: Example.model)

    @Test func everyKindOfGapHasExactlyOneTenancyRule() {
        let rules = TenancyRules.all.compactMap { $0 as? any TenancyGapRule }
        #expect(rules.count == TenancyRules.all.count)
        #expect(Set(rules.map(\.kind)) == Set(TenancyGap.Kind.allCases))
        #expect(rules.count == TenancyGap.Kind.allCases.count)
    }

    @Test func eachGapIsWordedByTheRuleOfItsKindOnly() throws {
        let gaps = context.tenancy.gaps
        #expect(Set(gaps.map(\.kind)).count >= 6, "the example cluster should show most kinds of gap")
        let rules = TenancyRules.all.compactMap { $0 as? any TenancyGapRule }
        for gap in gaps {
            let wording = rules.filter { $0.violation(for: gap) != nil }
            #expect(wording.map(\.kind) == [gap.kind], "\(gap.kind)")
            let violation = try #require(wording.first?.violation(for: gap))
            #expect(violation.object.reference == gap.site.object.reference)
            #expect(violation.path == gap.site.path)
            #expect(violation.message.contains(gap.tenant))
        }
    }

    @Test func everyReferenceNamesARuleOfTheCatalog() {
        let ids = Set(Catalog.rules.map(\.metadata.id))
        let references: [ReportingRule] = TenancyGap.Kind.allCases.map(ReportingRule.gap)
            + TrafficDirection.allCases.map(ReportingRule.noDefaultDeny)
            + PodSecurity.checks.map { ReportingRule.podSecurityCheck($0.id) }
            + [.namespaceWithoutQuota, .namespaceWithoutLimitRange, .ingressFromOutside, .egressToMetadata, .egressToAnywhere,
               .ingressWithoutTLS, .secretInEnvironment, .tokenAutomount, .namespaceNotEnforced, .ingressNginxSnippets,
               .referenceWithoutGrant, .cloudIdentityWritable, .untrustedRegistry, .vulnerableImage, .unverifiedSignature]
        for reference in references {
            #expect(reference.rule.map { ids.contains($0.metadata.id) } == true, "\(reference)")
        }
        let named = references.compactMap { $0.rule?.metadata.id }
        #expect(Set(named).count == named.count, "two references name the same rule")
        #expect(ReportingRule.podSecurityCheck("noSuchCheck").rule == nil)
    }

    @Test func theAuditAttachesTheIDsTheEngineLeavesOut() throws {
        let engine = TenancyAnalysis.analyse(context.inventory, model: try #require(Example.model), platform: context.settings.platformNamespaces,
                                             images: context.containerImageFacts)
        let raw = engine.verdicts.flatMap(\.layers).flatMap(\.evidence)
        #expect(raw.contains { !$0.reportedBy.isEmpty })
        #expect(raw.allSatisfy { $0.rules.isEmpty })
        let named = context.tenancy.verdicts.flatMap(\.layers).flatMap(\.evidence)
        #expect(named.count == raw.count)
        for evidence in named {
            #expect(evidence.rules == evidence.reportedBy.compactMap { $0.rule?.metadata.id })
            #expect(evidence.rules.count == evidence.reportedBy.count, "\(evidence.message)")
        }
        #expect(named.contains { $0.rules == ["netpol.no-default-deny"] })
        #expect(named.contains { $0.rules == ["tenancy.metadata-egress", "netpol.egress-to-metadata"] })
    }

    /// A namespace claimed by the platform reads "by the platform"; one claimed first by a tenant reads
    /// "by tenant NAME", whatever the name (a tenant named "the ops" used to read as "by the ops").
    @Test func aNamespaceClaimedTwiceNamesItsFirstClaimant() {
        let inventory = Fixtures.inventory("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: shared}
            """)
        func messages(_ model: TenancyModel) -> [String] {
            let context = AuditContext(inventory: inventory, settings: RuleSettings())
            context.useTenancy(model)
            return Auditor.audit(context, rules: [TenancyNamespaceClaimedTwice()]).map(\.message)
        }
        let platform = TenancyModel(platformNamespaces: ["shared"], tenants: [
            TenantSpec(name: "a", namespaces: NamespaceMatcher(names: ["shared"]), origin: "test"),
        ], source: "test")
        #expect(messages(platform) == ["namespace shared is claimed by tenant a and by the platform; it is judged as the platform's"])
        let tenants = TenancyModel(tenants: [
            TenantSpec(name: "the ops", namespaces: NamespaceMatcher(names: ["shared"]), origin: "test"),
            TenantSpec(name: "b", namespaces: NamespaceMatcher(names: ["shared"]), origin: "test"),
        ], source: "test")
        #expect(messages(tenants) == ["namespace shared is claimed by tenant b and by tenant the ops; it is judged as the ops's"])
    }
}
