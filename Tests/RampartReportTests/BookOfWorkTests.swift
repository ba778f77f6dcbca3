import Foundation
import RampartReport
import RampartRules
import Testing

/// The book of work: findings grouped by root cause, the first items, the fix everywhere.
@Suite struct BookOfWorkTests {
    /// A service account bound to cluster-admin in its namespace (one cause, many findings) and a pod
    /// with two separate faults (two causes).
    static let manifests = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: runner-admin, namespace: ci}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects: [{kind: ServiceAccount, name: runner, namespace: ci}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: ci}
        spec:
          hostPID: true
          containers: [{name: c, image: nginx, securityContext: {privileged: true}}]
        """

    @Test func oneBindingIsOneItemWithEveryConsequence() throws {
        let report = ReporterTests.report(Self.manifests)
        let binding = try #require(report.bookOfWork.first { $0.object.kind == "RoleBinding" && $0.path == "roleRef" })
        let bindingFindings = report.findings.filter { $0.object.kind == "RoleBinding" && $0.path == "roleRef" }
        #expect(bindingFindings.count > 3)
        #expect(binding.consequences.count == bindingFindings.count)
        #expect(Set(binding.consequences.map(\.ruleId)) == Set(bindingFindings.map(\.ruleId)))
        #expect(binding.fix.hasPrefix("Bind a role that grants only what the subjects need"))
        #expect(report.bookOfWork.filter { $0.object.kind == "RoleBinding" && $0.path == "roleRef" }.count == 1)
        // The pod's two faults are two items: two different fields to change.
        let pod = report.bookOfWork.filter { $0.object.kind == "Pod" && $0.severity >= .high }
        #expect(Set(pod.map(\.path)).count == pod.count && pod.count >= 2)
        // Every finding is in exactly one item.
        #expect(report.bookOfWork.reduce(0) { $0 + $1.consequences.count } == report.findings.count)
    }

    @Test func theMostSevereAndWidestCausesComeFirst() throws {
        let items = ReporterTests.report(Self.manifests).bookOfWork
        #expect(zip(items, items.dropFirst()).allSatisfy { $0.severity > $1.severity
            || $0.severity == $1.severity && $0.consequences.count >= $1.consequences.count })
        let first = BookOfWork.first(items)
        #expect(first.count <= BookOfWork.firstCount && first.allSatisfy { $0.severity >= .high })
        #expect(first.first?.object.kind == "RoleBinding")
    }

    @Test func everyFindingCarriesItsFixInTextAndJSON() throws {
        let report = ReporterTests.report(Self.manifests)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter.render(report).utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        for finding in findings {
            let rule = try #require(Catalog.rule(id: finding["ruleId"] as? String ?? ""))
            #expect(finding["fix"] as? String == rule.metadata.remediation)
        }
        #expect((json["bookOfWork"] as? [Any])?.count == report.bookOfWork.count)
        let text = TextReporter.render(report, colour: false)
        #expect(text.contains("Fix these first"))
        for ruleId in Set(report.findings.map(\.ruleId)) {
            let fix = try #require(Catalog.rule(id: ruleId)?.metadata.remediation)
            #expect(text.contains("fix: \(fix)"), "text lacks the fix of \(ruleId)")
        }
    }

    @Test func wellKnownPlatformNamespacesAreProposedNotJudgedSilently() {
        let proposals = PlatformNamespaces.proposals(["argocd", "ingress-nginx", "team-a", "kube-system", "monitoring"],
                                                     configured: RuleSettings.defaultPlatformNamespaces.union(["monitoring"]))
        #expect(proposals == ["argocd", "ingress-nginx"])
        var report = ReporterTests.report(Self.manifests)
        report.platformNamespaceProposals = proposals
        #expect(TextReporter.render(report, colour: false).contains("well-known platform namespaces judged as tenants: argocd, ingress-nginx"))
    }
}
