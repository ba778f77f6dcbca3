import Foundation
import RampartLoading
import RampartModel
import RampartPolicy
import RampartRules
import Testing
import TestSupport

/// Custom rules written in the configuration: read strictly, and run like any rule of the catalog.
@Suite struct CustomRuleTests {
    static let known = Set(Catalog.rules.map(\.metadata.id))

    static let config = """
        apiVersion: rampart.dev/v1alpha1
        kind: Config
        customRules:
        - id: custom.cost-centre-label
          title: Tenant workloads carry a cost-centre label
          severity: low
          layer: tenancy
          rationale: Finance charges workloads back by label.
          remediation: Add metadata.labels.cost-centre.
          standards: ["House rule"]
          match:
            apiGroups: [apps]
            kinds: [Deployment]
            namespaceSelector:
              matchExpressions: [{key: rampart.dev/tenant, operator: Exists}]
          validations:
          - expression: "has(object.metadata.labels) && 'cost-centre' in object.metadata.labels"
            messageExpression: "'workload ' + object.metadata.name + ' has no cost-centre label'"
        - id: custom.untrusted-replicas
          title: Untrusted tenants run at most 3 replicas
          severity: high
          layer: tenancy
          match:
            kinds: [Deployment]
            trust: [untrusted]
          variables:
          - name: replicas
            expression: "has(object.spec.replicas) ? object.spec.replicas : 1"
          validations:
          - expression: "variables.replicas <= 3"
            messageExpression: "'tenant ' + tenant.name + ' (' + tenant.trust + ') asks for ' + string(variables.replicas)"
        exceptions:
        - rule: custom.cost-centre-label
          name: legacy
          reason: retired next quarter
        """

    static let manifests = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: acme
          labels: {rampart.dev/tenant: acme, rampart.dev/trust: untrusted}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop
          namespace: acme
          labels: {app: shop}
        spec:
          replicas: 5
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: legacy
          namespace: acme
        spec:
          replicas: 1
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: agent
          namespace: kube-system
        """

    private func parse(_ text: String) -> (PolicyConfig, [InputError]) {
        PolicyConfig.parse(Array(text.utf8), file: ".rampart.yaml", knownRules: Self.known)
    }

    private func audit(_ config: PolicyConfig) -> PolicyOutcome {
        let inventory = Fixtures.inventory(Self.manifests)
        let findings = Auditor.audit(AuditContext(inventory: inventory, settings: config.settings),
                                     rules: config.enabledRules(from: []))
        return PolicyEngine.apply(findings, config: config, inventory: inventory, baseline: nil, today: "2026-12-02")
    }

    @Test func customRulesRunInTheAuditWithTheirMetadataAndTenant() throws {
        let (config, errors) = parse(Self.config)
        #expect(errors == [])
        #expect(config.customRules.map(\.metadata.id) == ["custom.cost-centre-label", "custom.untrusted-replicas"])
        let outcome = audit(config)
        let found = outcome.findings.map { "\($0.ruleId) \($0.object.name) \($0.path) line \($0.location.line): \($0.message)" }
        #expect(found == [
            "custom.untrusted-replicas shop spec.replicas line 14: tenant acme (untrusted) asks for 5",
            "custom.cost-centre-label shop metadata.labels line 12: workload shop has no cost-centre label",
        ])
        // The exception names the custom rule: legacy's finding is set aside, not lost.
        #expect(outcome.suppressed.map(\.finding.object.name) == ["legacy"])
        #expect(outcome.findings.first?.severity == .high)
        #expect(outcome.findings.last?.standards == ["House rule"])
    }

    @Test func aCustomRuleIsConfiguredLikeACatalogRule() {
        let (config, errors) = parse(Self.config + "\nrules:\n  custom.untrusted-replicas: {enabled: false}\n")
        #expect(errors == [])
        #expect(audit(config).findings.map(\.ruleId) == ["custom.cost-centre-label"])
    }

    @Test("bad rules are errors naming the line and column", arguments: [
        ("- {id: custom.a, title: A, severity: low, layer: pod, match: {kinds: [Pod]}, validations: [], valdations: []}",
         ".rampart.yaml:4:95: ", "unknown key 'valdations'"),
        ("- {id: a, title: A, severity: low, layer: pod, match: {kinds: [Pod]}, validations: [{expression: 'true'}]}",
         ".rampart.yaml:4:8: ", "custom rule ID 'a' must start with 'custom.'"),
        ("- {id: custom.a, title: A, severity: low, layer: pod, match: {kinds: [Pod]}, validations: [{expression: 'object.x +'}]}",
         ".rampart.yaml:4:116: ", "does not compile"),
        ("- {id: custom.a, title: A, severity: severe, layer: pod, match: {kinds: [Pod]}, validations: [{expression: 'true'}]}",
         ".rampart.yaml:4:38: ", "'severity' of custom rule 'custom.a' must be one of"),
        ("- {id: images.latest-tag, title: A, severity: low, layer: pod, match: {kinds: [Pod]}, validations: [{expression: 'true'}]}",
         ".rampart.yaml:4:8: ", "custom rule ID 'images.latest-tag' must start with"),
        ("- {id: custom.a, title: A, severity: low, layer: pod, match: {kinds: [Pod], trust: [sometimes]}, validations: [{expression: 'true'}]}",
         ".rampart.yaml:4:", "'match.trust' of custom rule 'custom.a' must be one of trusted, untrusted"),
    ])
    func badRulesAreErrors(_ rule: String, _ position: String, _ message: String) {
        let (config, errors) = parse("apiVersion: rampart.dev/v1alpha1\nkind: Config\ncustomRules:\n" + rule + "\n")
        #expect(config.customRules.isEmpty)
        #expect(errors.contains { $0.description.hasPrefix(position) && $0.description.contains(message) }, "\(errors)")
    }

    @Test func anExpressionThatDoesNotCompileIsPlacedInsideItsBlock() {
        let text = """
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            customRules:
            - id: custom.a
              title: A
              severity: low
              layer: pod
              match: {kinds: [Pod]}
              validations:
              - expression: |
                  object.spec.containers.all(c,
                    c.image.startsWith('registry.example.com/') &&)
            """
        let (_, errors) = parse(text)
        #expect(errors.count == 1)
        #expect(errors.first?.line == 12, "\(errors)")
        #expect(errors.first?.message.contains("does not compile") == true)
    }

    @Test func rulesInFilesJoinTheConfigurationAndMayBeExcepted() {
        let ruleFile = """
            apiVersion: rampart.dev/v1alpha1
            kind: CustomRule
            id: custom.in-file
            title: From a file
            severity: medium
            layer: pod
            match: {kinds: [Deployment]}
            validations:
            - expression: "object.metadata.name != 'shop'"
            """
        let text = """
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            customRuleFiles: [in-file.yaml]
            exceptions:
            - {rule: custom.in-file, name: other, reason: test}
            """
        let (config, errors) = PolicyConfig.parse(Array(text.utf8), file: "c.yaml", knownRules: Self.known,
                                                  ruleFiles: [("in-file.yaml", Array(ruleFile.utf8))])
        #expect(errors == [])
        #expect(config.customRuleFiles == ["in-file.yaml"])
        #expect(audit(config).findings.map { "\($0.ruleId) \($0.object.name) \($0.path)" } == ["custom.in-file shop metadata.name"])
    }
}
