import RampartModel
import RampartPSS
@testable import RampartRules
import Testing
import TestSupport

/// The `pss.*` rules: one per upstream check, judged at the namespace's enforce level.
@Suite struct PodSecurityRulesTests {
    static let manifests = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: open
          labels: {pod-security.kubernetes.io/enforce: privileged}
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: lenient
          labels: {pod-security.kubernetes.io/enforce: baseline}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: unlabelled}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: in-open, namespace: open}
        spec:
          template:
            spec:
              containers: [{name: app, image: x, securityContext: {privileged: true}}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: in-lenient, namespace: lenient}
        spec:
          template:
            spec:
              containers: [{name: app, image: x, securityContext: {privileged: true}}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: in-unlabelled, namespace: unlabelled}
        spec:
          containers: [{name: app, image: x}]
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: kube-system}
        spec:
          template:
            spec:
              hostNetwork: true
              containers: [{name: agent, image: x}]
        """

    static let findings = Auditor.audit(AuditContext(inventory: Fixtures.inventory(manifests)), rules: PodSecurityRules.all)

    static func findings(of rule: String) -> [Finding] {
        findings.filter { $0.ruleId == rule }
    }

    @Test func everyUpstreamCheckHasOneRuleOfItsLevel() {
        let rules = PodSecurityRules.checkRules
        #expect(Set(rules.map(\.check)) == Set(PodSecurity.checks.map(\.id)))
        for (id, level) in PodSecurity.checks {
            let rule = rules.first { $0.check == id }
            #expect(rule?.level == level, "\(id)")
            #expect(rule?.metadata.severity == (level == .baseline ? .high : .medium), "\(id)")
            #expect(rule?.metadata.standards.contains("PSS \(level.rawValue): \(id)") == true, "\(id)")
        }
        let ids = PodSecurityRules.all.map(\.metadata.id)
        #expect(Set(ids).count == ids.count && ids.allSatisfy { $0.hasPrefix("pss.") })
    }

    @Test func levelFollowsTheNamespaceEnforceLabel() {
        let privileged = Self.findings(of: "pss.privileged")
        #expect(privileged.map(\.object.name) == ["in-lenient"])
        #expect(privileged.first?.path == "spec.template.spec.containers[0].securityContext.privileged")
        #expect(privileged.first?.standards.contains("CIS v1.10 5.2.2") == true)
        #expect(privileged.first?.notes == ["judged at baseline:latest, the enforce label of namespace 'lenient'"])
        // Restricted-only checks are not applied where baseline is enforced.
        #expect(!Self.findings.contains { $0.object.name == "in-lenient" && $0.severity == .medium })
    }

    @Test func unlabelledTenantNamespacesAreJudgedAtRestricted() {
        let nonRoot = Self.findings(of: "pss.run-as-non-root")
        #expect(nonRoot.map(\.object.name) == ["in-unlabelled"])
        #expect(nonRoot.first?.severity == .medium)
        #expect(nonRoot.first?.notes.first?.contains("restricted:latest") == true)
    }

    @Test func platformNamespacesWithoutLabelAreJudgedAtBaseline() {
        let agent = Self.findings.filter { $0.object.name == "agent" }
        #expect(agent.map(\.ruleId) == ["pss.host-namespaces"])
    }

    @Test func tenantNamespacesThatEnforceNothingAreFindings() {
        let namespaces = Self.findings(of: "pss.namespace-not-enforced")
        #expect(namespaces.map(\.object.name).sorted() == ["open", "unlabelled"])
        #expect(namespaces.allSatisfy { $0.object.kind == "Namespace" })
    }
}
