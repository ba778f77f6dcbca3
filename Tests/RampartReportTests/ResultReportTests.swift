import Foundation
import RampartLoading
import RampartModel
import RampartPolicy
import RampartReport
import RampartRules
import Testing
import TestSupport

/// Audit results as Kubernetes report objects: one per namespace, one for the cluster, bounded.
@Suite struct ResultReportTests {
    /// Two namespaces (one clean but for its missing policies), privileged pods, and a cluster-wide grant.
    static let manifests = """
        {apiVersion: v1, kind: Namespace, metadata: {name: team-a}}
        ---
        {apiVersion: v1, kind: Namespace, metadata: {name: team-b}}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: team-a-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects: [{kind: Group, name: team-a-devs, apiGroup: rbac.authorization.k8s.io}]
        """ + (0..<4).map { index in
            """

            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web-\(index), namespace: team-a}
            spec:
              hostNetwork: true
              containers: [{name: c, image: nginx, securityContext: {privileged: true}}]
            """
        }.joined()

    static let timestamp = Date(timeIntervalSince1970: 1_800_000_000)

    static func reports(_ api: ResultReportAPI, limit: Int = 100) -> (AuditReport, [ResultReport]) {
        let report = ReporterTests.report(manifests)
        let builder = ResultReportBuilder(api: api, maximumResults: limit, timestamp: timestamp, namespaces: ["team-a", "team-b"])
        return (report, builder.build(report))
    }

    static func results(_ report: ResultReport) -> [Node] { report.manifest["results"]?.items ?? [] }

    @Test func oneReportPerNamespaceAndOneForTheCluster() throws {
        let (audit, reports) = Self.reports(.openReports)
        #expect(reports.map(\.kind) == ["Report", "Report", "ClusterReport"])
        #expect(reports.map(\.namespace) == ["team-a", "team-b", nil])
        // Every finding is in exactly one report: its namespace's, the Namespace's own, or the cluster's.
        let total = reports.reduce(0) { $0 + Self.results($1).count }
        #expect(total == audit.findings.count)
        let teamB = reports[1]
        #expect(Self.results(teamB).allSatisfy { $0["resources"]?[0]?["name"]?.string == "team-b" })
        #expect(teamB.manifest["scope"]?["name"]?.string == "team-b")
        #expect(teamB.manifest["metadata"]?["labels"]?["app.kubernetes.io/managed-by"]?.string == "rampart")
        let cluster = try #require(reports.last)
        #expect(Self.results(cluster).contains { $0["rule"]?.string == "rbac.cluster-admin" })
        #expect(cluster.manifest["summary"]?["fail"]?.int == Self.results(cluster).count)
    }

    @Test func aResultCarriesTheRuleTheObjectTheLineAndTheFix() throws {
        let (_, reports) = Self.reports(.openReports)
        let privileged = try #require(Self.results(reports[0]).first { $0["rule"]?.string == "pss.privileged" })
        #expect(privileged["policy"]?.string == "pss")
        #expect(privileged["result"]?.string == "fail")
        #expect(privileged["severity"]?.string == "critical" || privileged["severity"]?.string == "high")
        #expect(privileged["timestamp"]?["seconds"]?.int == 1_800_000_000)
        #expect(privileged["resources"]?[0]?["kind"]?.string == "Pod")
        #expect(privileged["properties"]?["location"]?.string?.hasPrefix("cluster/team.yaml:") == true)
        let fix = try #require(Catalog.rules.first { $0.metadata.id == "pss.privileged" }?.metadata.remediation)
        #expect(privileged["properties"]?["fix"]?.string == fix)
        #expect(privileged["source"] == nil, "OpenReports names the source once, on the report")
        #expect(reports[0].manifest["source"]?.string == "rampart")
    }

    @Test func pastTheLimitResultsAreAggregatedPerRuleAndNeverExceedIt() throws {
        let (audit, full) = Self.reports(.openReports)
        let teamAFindings = audit.findings.filter { $0.object.namespace == "team-a" || $0.object.name == "team-a" && $0.object.kind == "Namespace" }
        #expect(Self.results(full[0]).count == teamAFindings.count)
        for limit in [3, 8] {
            let (_, reports) = Self.reports(.openReports, limit: limit)
            let results = Self.results(reports[0])
            #expect(results.count <= limit)
            #expect(reports[0].manifest["configuration"]?["limits"]?["maxResults"]?.int == limit)
            #expect(reports[0].manifest["summary"]?["fail"]?.int == teamAFindings.count, "the summary counts findings, not results")
            // The counts of the aggregated results and the single ones add up to every finding.
            let counted = results.reduce(0) { $0 + ($1["properties"]?["count"]?.string.flatMap { Int($0) } ?? 1) }
            #expect(counted == teamAFindings.count)
        }
        let (_, eight) = Self.reports(.openReports, limit: 8)
        let privileged = try #require(Self.results(eight[0]).first { $0["rule"]?.string == "pss.privileged" })
        #expect(privileged["properties"]?["count"]?.string == "4")
        #expect(privileged["resources"]?.items.count == 4)
    }

    @Test func policyReportsAreTheOlderAPIWithTheSameResults() throws {
        let (_, open) = Self.reports(.openReports)
        let (_, policy) = Self.reports(.policyReport)
        #expect(policy.map(\.kind) == ["PolicyReport", "PolicyReport", "ClusterPolicyReport"])
        #expect(policy.allSatisfy { $0.manifest["apiVersion"]?.string == "wgpolicyk8s.io/v1alpha2" })
        #expect(policy.allSatisfy { $0.manifest["source"] == nil && $0.manifest["configuration"] == nil })
        #expect(zip(open, policy).allSatisfy { Self.results($0).count == Self.results($1).count })
        #expect(policy.flatMap(Self.results).allSatisfy { $0["source"]?.string == "rampart" })
    }

    @Test func theYAMLReadsBackToTheSameObjects() throws {
        let (_, reports) = Self.reports(.openReports)
        let loaded = ManifestLoader.load(Array(ResultReport.yaml(reports).utf8), file: "reports.yaml")
        #expect(loaded.errors.isEmpty)
        #expect(loaded.objects.map(\.reference.description) == ["Report/team-a/rampart", "Report/team-b/rampart", "ClusterReport/rampart"])
    }
}
