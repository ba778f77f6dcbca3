import RampartLoading
import RampartModel
import RampartPolicy
import RampartRules
import Testing
import TestSupport

@Suite struct PolicyTests {
    static let known = Set(Catalog.rules.map(\.metadata.id))

    static let manifests = """
        kind: Service
        apiVersion: v1
        metadata: {name: edge, namespace: ingress}
        spec: {type: LoadBalancer}
        ---
        kind: Service
        apiVersion: v1
        metadata:
          name: notebook
          namespace: customer
          annotations: {rampart.dev/ignore: "exposure.load-balancer: demo for the sales team"}
        spec: {type: LoadBalancer}
        ---
        kind: Service
        apiVersion: v1
        metadata: {name: other, namespace: customer}
        spec: {type: NodePort}
        """

    private func config(_ text: String) -> (PolicyConfig, [InputError]) {
        PolicyConfig.parse(Array(text.utf8), file: ".rampart.yaml", knownRules: Self.known)
    }

    private func outcome(_ config: PolicyConfig, baseline: Baseline? = nil, today: String = "2026-11-24") -> PolicyOutcome {
        let inventory = Fixtures.inventory(Self.manifests)
        let findings = Auditor.audit(AuditContext(inventory: inventory, settings: config.settings),
                                     rules: config.enabledRules(from: ExposureRules.all))
        return PolicyEngine.apply(findings, config: config, inventory: inventory, baseline: baseline, today: today)
    }

    @Test func configErrorsNameTheirLine() {
        let (_, errors) = config("""
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            failOn: severe
            rules:
              images.nope: {enabled: false}
            exceptions:
            - rule: exposure.node-port
              namespace: customer
            - rule: exposure.node-port
              reason: temporary
              expires: next week
            """)
        #expect(errors.map(\.line) == [3, 5, 7, 11])
    }

    @Test func exceptionsAnnotationsOverridesAndExpiry() {
        let (parsed, errors) = config("""
            kind: Config
            rules:
              exposure.node-port: {severity: critical}
            exceptions:
            - rule: exposure.load-balancer
              namespace: ingress
              name: edge
              reason: the single public entry point
              expires: 2026-12-31
            """)
        #expect(errors.isEmpty)
        let current = outcome(parsed)
        #expect(current.findings.map(\.object.name) == ["other"])
        #expect(current.findings.first?.severity == .critical)
        #expect(current.suppressed.map(\.source).sorted { $0.rawValue < $1.rawValue } == [.annotation, .config])
        #expect(current.suppressed.first { $0.source == .annotation }?.reason == "demo for the sales team")

        let later = outcome(parsed, today: "2027-01-01")
        #expect(later.findings.map(\.object.name).sorted() == ["edge", "other"])
        #expect(later.notices.first?.message.contains("expired on 2026-12-31") == true)
        #expect(later.notices.first?.line == 5)
    }

    @Test func platformCanRefuseOwnersClaims() {
        let (parsed, _) = config("kind: Config\nannotationExceptions: false\n")
        #expect(outcome(parsed).findings.map(\.object.name).sorted() == ["edge", "notebook", "other"])
    }

    @Test func disabledRulesDoNotRun() {
        let (parsed, _) = config("kind: Config\nrules:\n  exposure.load-balancer: {enabled: false}\n")
        #expect(outcome(parsed).findings.map(\.ruleId) == ["exposure.node-port"])
    }

    @Test func baselineSuppressesKnownFindingsOnly() {
        let report = """
            {"schemaVersion": 1, "findings": [
              {"ruleId": "exposure.node-port", "path": "spec.type",
               "object": {"apiVersion": "v1", "kind": "Service", "namespace": "customer", "name": "other"}}]}
            """
        let (baseline, errors) = Baseline.parse(Array(report.utf8), file: "baseline.json")
        #expect(errors.isEmpty)
        let result = outcome(PolicyConfig(), baseline: baseline)
        #expect(result.findings.map(\.object.name) == ["edge"])
        #expect(result.suppressed.contains { $0.source == .baseline && $0.finding.object.name == "other" })
    }
}
