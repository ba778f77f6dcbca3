import Foundation
import RampartLoading
import RampartModel
import Testing
@testable import RampartKube

/// The client and reader against a local HTTPS API server: discovery, pagination, 429, 403, token.
@Suite struct ClusterReaderTests {
    static let tokenUser = "    token: test-token"

    @Test func readsEveryPageWithTheTokenAndRetriesThrottling() async throws {
        var setup = FakeAPIServer.Setup(items: TestCluster.items)
        setup.throttledOnce = ["/api/v1/pods"]
        setup.forbidden = ["/api/v1/secrets"]
        let directory = try TestCluster.temporaryDirectory()
        let (snapshot, received) = try await FakeAPIServer.with(setup) { server, port in
            let kubeconfig = try TestCluster.kubeconfig(port: port, user: Self.tokenUser, in: directory)
            return (try await TestCluster.read(kubeconfig: kubeconfig), server.received.withLock { $0 })
        }
        let pods = snapshot.objects.filter { $0.kind == "Pod" }
        #expect(pods.map(\.name) == (0..<7).map { "web-\($0)" })
        #expect(pods.allSatisfy { $0.file == nil && $0.reference.apiVersion == "v1" })
        // Three pages of three, and the throttled first request tried again.
        #expect(received.filter { $0.path.hasPrefix("/api/v1/pods?") }.count == 4)
        #expect(received.contains { $0.path.contains("continue=") })
        #expect(snapshot.gaps.map(\.resource) == ["secrets"])
        #expect(snapshot.gaps.first?.status == 403)
        #expect(snapshot.gaps.first?.reason.contains("cannot list resource") == true)
        #expect(Set(snapshot.objects.map(\.kind)) == ["Pod", "Namespace", "Deployment", "ClusterRole", "ServerVersion"])
        // Not read: subresources, events, groups Rampart does not scan.
        #expect(!received.contains { $0.path.contains("events") || $0.path.contains("metrics") || $0.path.contains("/log") })
        #expect(snapshot.resources.map(\.qualifiedName).contains("deployments.apps"))
    }

    @Test func liveObjectsHaveNoPositionsNoManagedFieldsAndTypedScalars() async throws {
        let directory = try TestCluster.temporaryDirectory()
        let snapshot = try await FakeAPIServer.with(FakeAPIServer.Setup(items: TestCluster.items)) { _, port in
            try await TestCluster.read(kubeconfig: try TestCluster.kubeconfig(port: port, user: Self.tokenUser, in: directory))
        }
        let pod = try #require(snapshot.objects.first { $0.name == "web-4" })
        #expect(pod.location(of: "spec.containers[0].securityContext.privileged") == SourceLocation(file: nil, mark: SourceMark(line: 0, column: 0)))
        #expect(pod.root["spec"]?["containers"]?[0]?["securityContext"]?["privileged"]?.bool == true)
        #expect(pod.metadata?["managedFields"] == nil)
        // A JSON string "on" is a string, not YAML 1.1's boolean.
        #expect(pod.labels["enabled"] == "on")
        #expect(pod.root["metadata"]?["labels"]?["enabled"]?.bool == nil)
        #expect(pod.root["status"]?["podIP"]?.string == "10.0.0.5")
    }

    @Test func secretsAreAskedForAsMetadataAndNeverKeepValues() async throws {
        for ignoresMetadataAccept in [false, true] {
            var setup = FakeAPIServer.Setup(items: TestCluster.items)
            setup.ignoresMetadataAccept = ignoresMetadataAccept
            let directory = try TestCluster.temporaryDirectory()
            let (snapshot, received) = try await FakeAPIServer.with(setup) { server, port in
                let kubeconfig = try TestCluster.kubeconfig(port: port, user: Self.tokenUser, in: directory)
                return (try await TestCluster.read(kubeconfig: kubeconfig), server.received.withLock { $0 })
            }
            #expect(received.filter { $0.path.hasPrefix("/api/v1/secrets") }.allSatisfy { $0.accept.contains("as=PartialObjectMetadataList") })
            let secrets = snapshot.objects.filter { $0.kind == "Secret" }
            #expect(secrets.map(\.name) == ["db", "tls"])
            #expect(secrets.allSatisfy { $0.reference.apiVersion == "v1" })
            #expect(secrets.allSatisfy { $0.root["data"] == nil && $0.root["stringData"] == nil })
            #expect(secrets.first?.annotations == ["owner": "team-a"])
            let text = YAMLWriter.stream(snapshot.objects.map(\.root))
            #expect(!text.contains("aHVudGVyMg") && !text.contains("hunter2") && !text.contains("c2VjcmV0"))
        }
    }

    @Test func aWrongTokenStopsTheRead() async throws {
        let directory = try TestCluster.temporaryDirectory()
        let error = try await FakeAPIServer.with(FakeAPIServer.Setup(items: TestCluster.items)) { _, port in
            let kubeconfig = try TestCluster.kubeconfig(port: port, user: "    token: wrong-token", in: directory)
            return await #expect(throws: KubeError.self) { try await TestCluster.read(kubeconfig: kubeconfig) }
        }
        #expect(error?.message.contains("401") == true)
        #expect(error?.message.contains("wrong-token") == false)
    }

    @Test func namespaceLimitsNamespacedListsOnly() async throws {
        var items = TestCluster.items
        items["/api/v1/namespaces/team-a/pods"] = TestCluster.pods
        let directory = try TestCluster.temporaryDirectory()
        let (snapshot, received) = try await FakeAPIServer.with(FakeAPIServer.Setup(items: items)) { server, port in
            var options = TestCluster.pagesOfThree
            options.namespace = "team-a"
            let kubeconfig = try TestCluster.kubeconfig(port: port, user: Self.tokenUser, in: directory)
            return (try await TestCluster.read(kubeconfig: kubeconfig, options: options), server.received.withLock { $0 }.map(\.path))
        }
        #expect(received.contains { $0.hasPrefix("/api/v1/namespaces/team-a/pods?") })
        #expect(received.contains { $0.hasPrefix("/api/v1/namespaces?") })
        #expect(received.contains { $0.hasPrefix("/apis/rbac.authorization.k8s.io/v1/clusterroles?") })
        #expect(!received.contains { $0.hasPrefix("/api/v1/pods?") })
        #expect(snapshot.objects.filter { $0.kind == "Pod" }.count == 7)
    }
}
