import Foundation
import Testing
@testable import RampartKube

/// The report writer against the local API server: server-side apply of each report, pruning of the
/// stale reports Rampart owns and of nothing else, and the error when the CRD is not installed.
@Suite struct ReportApplierTests {
    static let reports = ManagedResource(group: "openreports.io", version: "v1alpha1", resource: "reports", namespaced: true)
    static let clusterReports = ManagedResource(group: "openreports.io", version: "v1alpha1", resource: "clusterreports", namespaced: false)
    static let owner = (key: "app.kubernetes.io/managed-by", value: "rampart")

    static func report(_ namespace: String?) -> ManagedObject {
        let kind = namespace == nil ? "ClusterReport" : "Report"
        let metadata = namespace.map { "{name: rampart, namespace: \($0)}" } ?? "{name: rampart}"
        return ManagedObject(resource: namespace == nil ? clusterReports : reports, namespace: namespace, name: "rampart",
                             manifest: "apiVersion: openreports.io/v1alpha1\nkind: \(kind)\nmetadata: \(metadata)\n")
    }

    /// What the server already holds: this run's team-a report, a stale one in team-old, the cluster report.
    static let existing: [String: [String]] = [
        "/apis/openreports.io/v1alpha1/reports": [
            #"{"metadata":{"name":"rampart","namespace":"team-a","labels":{"app.kubernetes.io/managed-by":"rampart"}}}"#,
            #"{"metadata":{"name":"rampart","namespace":"team-old","labels":{"app.kubernetes.io/managed-by":"rampart"}}}"#,
        ],
        "/apis/openreports.io/v1alpha1/clusterreports": [
            #"{"metadata":{"name":"rampart","labels":{"app.kubernetes.io/managed-by":"rampart"}}}"#,
        ],
    ]

    static func apply(_ objects: [ManagedObject], items: [String: [String]], namespace: String? = nil)
        async throws -> (Result<ReportApplier.Outcome, KubeError>, [FakeAPIServer.Received]) {
        let directory = try TestCluster.temporaryDirectory()
        return try await FakeAPIServer.with(FakeAPIServer.Setup(items: items)) { server, port in
            let kubeconfig = try TestCluster.kubeconfig(port: port, user: ClusterReaderTests.tokenUser, in: directory)
            let connection = try ConnectionResolver.resolve(.init(kubeconfig: kubeconfig, environment: [:]))
            let client = try await KubeClient.connect(connection, retry: RetryPolicy(attempts: 2, initialDelay: 0.01))
            let result: Result<ReportApplier.Outcome, KubeError>
            do throws(KubeError) {
                result = .success(try await ReportApplier.apply(objects, pruning: [reports, clusterReports], namespace: namespace,
                                                               owner: owner, client: client))
            } catch {
                result = .failure(error)
            }
            await client.shutdown()
            return (result, server.received.withLock { $0 })
        }
    }

    @Test func appliesEachReportServerSideAndDeletesOnlyStaleOwnedOnes() async throws {
        let (result, received) = try await Self.apply([Self.report("team-a"), Self.report("team-b"), Self.report(nil)], items: Self.existing)
        let outcome = try result.get()
        #expect(outcome.applied == ["team-a/rampart", "team-b/rampart", "rampart"])
        #expect(outcome.deleted == ["team-old/rampart"])
        let patches = received.filter { $0.method == "PATCH" }
        #expect(patches.map(\.path) == [
            "/apis/openreports.io/v1alpha1/namespaces/team-a/reports/rampart?fieldManager=rampart&force=true",
            "/apis/openreports.io/v1alpha1/namespaces/team-b/reports/rampart?fieldManager=rampart&force=true",
            "/apis/openreports.io/v1alpha1/clusterreports/rampart?fieldManager=rampart&force=true",
        ])
        #expect(patches.allSatisfy { $0.contentType == "application/apply-patch+yaml" })
        #expect(patches.first?.body.contains("namespace: team-a") == true)
        // Pruning lists only what Rampart owns, by its label, then deletes the one report not applied.
        let lists = received.filter { $0.method == "GET" && $0.path.contains("reports?") }
        #expect(lists.count == 2 && lists.allSatisfy { $0.path.hasSuffix("?labelSelector=app.kubernetes.io%2Fmanaged-by%3Drampart") })
        #expect(received.filter { $0.method == "DELETE" }.map(\.path) == ["/apis/openreports.io/v1alpha1/namespaces/team-old/reports/rampart"])
    }

    @Test func aReadLimitedToOneNamespacePrunesOnlyThere() async throws {
        let (result, received) = try await Self.apply([Self.report("team-a")], items: Self.existing, namespace: "team-a")
        #expect(try result.get() == ReportApplier.Outcome(applied: ["team-a/rampart"], deleted: []))
        #expect(received.filter { $0.method == "GET" }.map(\.path)
            == ["/apis/openreports.io/v1alpha1/namespaces/team-a/reports?labelSelector=app.kubernetes.io%2Fmanaged-by%3Drampart"])
        #expect(!received.contains { $0.method == "DELETE" })
    }

    @Test func aClusterWithoutTheCRDIsAClearError() async throws {
        let (result, received) = try await Self.apply([Self.report("team-a")], items: [:])
        guard case .failure(let error) = result else { Issue.record("applied without the CRD"); return }
        #expect(error.message == "cannot apply reports.openreports.io team-a/rampart: the API server does not serve it: install the CRD first (deploy/crds/)")
        #expect(!received.contains { $0.method == "DELETE" })
    }
}
