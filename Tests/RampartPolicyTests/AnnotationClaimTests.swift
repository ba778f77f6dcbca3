import RampartModel
import RampartPolicy
import RampartRules
import Testing
import TestSupport

/// Owners' claims by annotation are read from the object and from its pod template (the template's
/// wins for the same rule), and a severity the configuration overrides puts the findings back in
/// report order.
@Suite struct AnnotationClaimTests {
    static let manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: claimed-twice
          namespace: team
          annotations: {rampart.dev/ignore: "images.latest-tag: said on the object"}
        spec:
          template:
            metadata:
              annotations: {rampart.dev/ignore: "images.latest-tag: said on the template"}
            spec:
              containers: [{name: app, image: "r.io/app:latest"}]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: claimed-pod
          namespace: team
          annotations: {rampart.dev/ignore: "images.latest-tag: a pod's own claim; images.no-digest:"}
        spec:
          containers: [{name: app, image: "r.io/app:latest"}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: unclaimed, namespace: team, annotations: {rampart.dev/ignore: ~}}
        spec:
          template:
            spec:
              containers: [{name: app, image: "r.io/app:latest", securityContext: {privileged: true}}]
        """

    static func outcome(_ configText: String = "kind: Config\n") -> PolicyOutcome {
        let inventory = Fixtures.inventory(manifests)
        let (config, errors) = PolicyConfig.parse(Array(configText.utf8), file: ".rampart.yaml",
                                                  knownRules: Set(Catalog.rules.map(\.metadata.id)))
        #expect(errors.isEmpty)
        let findings = Auditor.audit(AuditContext(inventory: inventory, settings: config.settings), rules: Catalog.rules)
        return PolicyEngine.apply(findings, config: config, inventory: inventory, baseline: nil, today: "2026-12-03")
    }

    @Test func theTemplatesClaimWinsOverTheObjectsAndEachObjectHasItsOwn() {
        let claimed = Self.outcome().suppressed.filter { $0.finding.ruleId == "images.latest-tag" }
        #expect(claimed.map(\.finding.object.name).sorted() == ["claimed-pod", "claimed-twice"])
        #expect(claimed.first { $0.finding.object.name == "claimed-twice" }?.reason == "said on the template")
        #expect(claimed.first { $0.finding.object.name == "claimed-pod" }?.reason == "a pod's own claim")
        #expect(claimed.allSatisfy { $0.source == .annotation })
        // A claim without a reason, and an annotation that is null, set nothing aside.
        let counted = Self.outcome().findings
        #expect(counted.contains { $0.object.name == "unclaimed" && $0.ruleId == "images.latest-tag" })
        #expect(counted.contains { $0.object.name == "claimed-pod" && $0.ruleId == "images.no-digest" })
    }

    @Test func anOverriddenSeverityIsPutBackInReportOrder() {
        let plain = Self.outcome().findings
        let raised = Self.outcome("kind: Config\nrules:\n  images.no-digest: {severity: critical}\n").findings
        #expect(plain.first?.ruleId != "images.no-digest")
        #expect(raised.first?.ruleId == "images.no-digest" && raised.first?.severity == .critical)
        #expect(raised == raised.sorted())
        #expect(plain == plain.sorted())
    }
}
