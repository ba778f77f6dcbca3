import Foundation
import RampartModel
import RampartRules
import Testing
@testable import RampartKube

/// A managed control plane has no static pods: the live reader records the API server's `/version`
/// so that `controlplane.end-of-life` can judge its release.
@Suite struct ServerVersionTests {
    @Test func theServersReleaseIsReadAndJudged() async throws {
        let directory = try TestCluster.temporaryDirectory()
        let snapshot = try await FakeAPIServer.with(FakeAPIServer.Setup(items: TestCluster.items)) { _, port in
            try await TestCluster.read(kubeconfig: try TestCluster.kubeconfig(port: port, user: ClusterReaderTests.tokenUser, in: directory))
        }
        let server = try #require(snapshot.objects.first { $0.kind == "ServerVersion" })
        #expect(server.root["gitVersion"]?.string == "v1.33.4-eks-0a1b2c3")
        let findings = Auditor.audit(AuditContext(inventory: Inventory(objects: snapshot.objects)),
                                     rules: Catalog.rules.filter { $0.metadata.id == "controlplane.end-of-life" })
        #expect(findings.map(\.object.kind) == ["ServerVersion"])
        #expect(findings.first?.message.contains("1.33.4") == true)
    }

    @Test func theScannerMayReadTheVersion() {
        let role = ScannerRBAC.manifests(namespace: "rampart", includeSecrets: false).first { $0["kind"]?.string == "ClusterRole" }
        let urls = role?["rules"]?.items.flatMap { $0["nonResourceURLs"]?.items.compactMap(\.string) ?? [] } ?? []
        #expect(urls.contains("/version"))
    }
}
