import RampartLoading
import RampartModel
import Testing
@testable import RampartKube

/// The scanner's ClusterRole: exactly what the reader lists, read-only, secrets only when asked.
@Suite struct ScannerRBACTests {
    private static func rules(includeSecrets: Bool) -> [Node] {
        let role = ScannerRBAC.manifests(namespace: "rampart", includeSecrets: includeSecrets).first { $0["kind"]?.string == "ClusterRole" }
        return role?["rules"]?.items ?? []
    }

    @Test func roleListsExactlyTheScannedResources() {
        let rules = Self.rules(includeSecrets: true)
        let granted = Set(rules.flatMap { rule in
            (rule["resources"]?.items ?? []).compactMap { resource in
                resource.string.map { ScannedResources.Wanted(group: rule["apiGroups"]?[0]?.string ?? "", name: $0) }
            }
        })
        #expect(granted == Set(ScannedResources.all))
        let verbs = Set(rules.flatMap { $0["verbs"]?.items.compactMap(\.string) ?? [] })
        #expect(verbs == ["list", "get"])
        #expect(rules.allSatisfy { $0["resources"] == nil || $0["verbs"]?.items.compactMap(\.string) == ["list"] })
    }

    /// A scanner that writes reports may create, patch, list and delete those, and nothing more.
    @Test func writingReportsAddsOnlyTheReportResources() throws {
        let reports = (group: "openreports.io", resources: ["reports", "clusterreports"])
        let role = try #require(ScannerRBAC.manifests(namespace: "rampart", includeSecrets: false, reports: reports)
            .first { $0["kind"]?.string == "ClusterRole" })
        let rules = role["rules"]?.items ?? []
        #expect(rules.count == Self.rules(includeSecrets: false).count + 1)
        let writes = rules.filter { $0["verbs"]?.items.contains { $0.string == "patch" } == true }
        #expect(writes.count == 1)
        #expect(writes.first?["apiGroups"]?.items.compactMap(\.string) == ["openreports.io"])
        #expect(writes.first?["resources"]?.items.compactMap(\.string) == ["reports", "clusterreports"])
        #expect(writes.first?["verbs"]?.items.compactMap(\.string) == ["create", "patch", "list", "delete"])
    }

    /// `rampart scanner-rbac | kubectl apply -f -` works on a cluster without the namespace: the
    /// Namespace comes first, before the ServiceAccount in it.
    @Test func theNamespaceComesFirstSoTheOutputAppliesOnAFreshCluster() throws {
        let text = YAMLWriter.stream(ScannerRBAC.manifests(namespace: "scanning", includeSecrets: false))
        let loaded = ManifestLoader.load(Array(text.utf8), file: "scanner-rbac.yaml")
        #expect(loaded.errors.isEmpty)
        let objects = loaded.objects
        #expect(objects.map(\.kind) == ["Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding"])
        let namespace = try #require(objects.first)
        #expect(namespace.name == "scanning" && namespace.namespace == nil)
        #expect(namespace.labels == ["pod-security.kubernetes.io/enforce": "restricted",
                                     "pod-security.kubernetes.io/enforce-version": "latest"])
        #expect(objects[1].namespace == "scanning")
    }

    @Test func theNamespaceIsLeftOutWhenAskedOrWhenEveryClusterHasIt() {
        let kinds = { (namespace: String, include: Bool) in
            ScannerRBAC.manifests(namespace: namespace, includeSecrets: false, includeNamespace: include).compactMap { $0["kind"]?.string }
        }
        #expect(kinds("rampart", false) == ["ServiceAccount", "ClusterRole", "ClusterRoleBinding"])
        #expect(kinds("kube-system", true) == ["ServiceAccount", "ClusterRole", "ClusterRoleBinding"], "never relabel kube-system")
        #expect(kinds("default", true).first == "ServiceAccount")
    }

    @Test func secretsOnlyWhenAsked() {
        let resources = Self.rules(includeSecrets: false).flatMap { $0["resources"]?.items.compactMap(\.string) ?? [] }
        #expect(!resources.contains("secrets"))
        #expect(resources.contains("pods"))
    }
}

/// Backoff: exponential, capped, and the server's Retry-After first.
@Suite struct RetryPolicyTests {
    @Test func delays() {
        let policy = RetryPolicy(attempts: 5, initialDelay: 0.5, maximumDelay: 4)
        #expect((1...5).map { policy.delay(after: $0, retryAfter: nil) } == [0.5, 1, 2, 4, 4])
        #expect(policy.delay(after: 1, retryAfter: "3") == 3)
        #expect(policy.delay(after: 1, retryAfter: "120") == 4)
        #expect(policy.delay(after: 2, retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT") == 1)
        #expect(RetryPolicy.isRetryable(status: 429) && RetryPolicy.isRetryable(status: 503))
        #expect(!RetryPolicy.isRetryable(status: 403) && !RetryPolicy.isRetryable(status: 404))
    }
}
