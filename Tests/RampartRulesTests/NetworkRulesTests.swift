import RampartModel
import RampartRules
import Testing
import TestSupport

/// The network rules on a small two-tenant cluster with typical mistakes.
@Suite struct NetworkRulesTests {
    static let cluster = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: bank}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: web:1, ports: [{name: http, containerPort: 8080}]}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: worker, namespace: shop}
        spec:
          template:
            metadata: {labels: {app: worker}}
            spec: {containers: [{name: worker, image: worker:1}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: ledger, namespace: bank}
        spec:
          template:
            metadata: {labels: {app: ledger}}
            spec: {containers: [{name: ledger, image: ledger:1}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress, Egress]
          ingress:
          - from: [{namespaceSelector: {}}]
            ports: [{port: http}, {port: metrics}]
          - ports: [{port: 8080}]
          egress:
          - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: old, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: gone}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: bank}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        """

    static func findings() -> [Finding] {
        Auditor.audit(AuditContext(inventory: Fixtures.inventory(cluster)), rules: Catalog.rules)
            .filter { $0.ruleId.hasPrefix("netpol.") }
    }

    static func ids(_ findings: [Finding], _ rule: String) -> [String] {
        findings.filter { $0.ruleId == rule }.map { "\($0.object.kind)/\($0.object.name) \($0.path)" }.sorted()
    }

    @Test func everyRuleFindsWhatItShouldAndNothingElse() {
        let findings = Self.findings()
        #expect(Self.ids(findings, "netpol.no-default-deny") == ["Namespace/shop metadata.name"])
        #expect(Self.ids(findings, "netpol.no-default-deny-egress") == ["Namespace/shop metadata.name"])
        #expect(Self.ids(findings, "netpol.unselected-workload") == ["Deployment/worker spec.template.metadata"])
        #expect(Self.ids(findings, "netpol.ingress-from-all-namespaces") == ["NetworkPolicy/web spec.ingress[0].from[0]"])
        #expect(Self.ids(findings, "netpol.ingress-from-outside") == ["NetworkPolicy/web spec.ingress[1]"])
        #expect(Self.ids(findings, "netpol.egress-to-anywhere") == ["NetworkPolicy/web spec.egress[0].to[0]"])
        #expect(Self.ids(findings, "netpol.egress-to-metadata") == ["NetworkPolicy/web spec.egress[0]"])
        #expect(Self.ids(findings, "netpol.dead-policy") == ["NetworkPolicy/old spec.podSelector"])
        #expect(Self.ids(findings, "netpol.unresolved-named-port") == ["NetworkPolicy/web spec.ingress[0].ports[1]"])
        #expect(findings.allSatisfy { !$0.standards.isEmpty })
        #expect(findings.first { $0.ruleId == "netpol.no-default-deny" }?.standards.contains("CIS v1.10 5.3.2") == true)
    }

    @Test func platformNamespacesAreLeftAlone() {
        let cluster = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: proxy, namespace: kube-system}
            spec: {template: {metadata: {labels: {app: proxy}}, spec: {containers: [{name: p, image: p:1}]}}}
            """
        let findings = Auditor.audit(AuditContext(inventory: Fixtures.inventory(cluster)), rules: Catalog.rules)
        #expect(!findings.contains { $0.ruleId.hasPrefix("netpol.") })
    }
}
