import RampartLoading
import RampartModel
import RampartRules
import RampartTenancy
import Testing

/// `rampart tenant new` output, audited together with the example cluster's platform (nodes,
/// runtime classes, kube-system, ingress-nginx, cert-manager, monitoring): no finding on its
/// objects, and the tenant achieves exactly the isolation it requires.
@Suite struct BaselineTests {
    static let platformFiles = ["00-", "10-", "20-", "30-", "40-"]

    static let cases: [TenantBaseline] = [
        TenantBaseline(name: "blue", trust: .trusted),
        TenantBaseline(name: "green", trust: .trusted, namespaces: ["green-dev", "green-prod"], nodePool: ["node.example.com/pool": "payments"]),
        TenantBaseline(name: "umbrella", trust: .untrusted, nodePool: ["node.example.com/pool": "sandbox"], quota: ["cpu": "2", "pods": "10"]),
    ]

    @Test(arguments: cases)
    func baselinePassesItsOwnAudit(_ baseline: TenantBaseline) throws {
        let loaded = ManifestLoader.load(Array(baseline.yaml.utf8), file: "baseline.yaml")
        #expect(loaded.errors.isEmpty)
        let objects = Example.objects(Self.platformFiles) + loaded.objects
        let context = Example.context(objects, model: nil)
        let findings = Auditor.audit(context, rules: Catalog.rules)
        let own = findings.filter { $0.location.file == "baseline.yaml" || baseline.namespaces.contains($0.object.namespace ?? "") }
        #expect(own.isEmpty, "\(own.map { "\($0.ruleId): \($0.message)" })")
        #expect(!findings.contains { $0.ruleId.hasPrefix("tenancy.") })
        let verdict = try #require(context.tenancy.verdict(baseline.name))
        #expect(verdict.namespaces == baseline.namespaces)
        #expect(verdict.required == baseline.isolation)
        #expect(verdict.achieved == verdict.required, "\(verdict.layers.map { "\($0.layer.rawValue): \($0.ceiling.rawValue)" })")
        #expect(!verdict.layers.contains { $0.status == .fail })
    }

    /// Without a node pool an untrusted tenant cannot be hard-isolated: `tenant new` refuses, naming the option.
    @Test func untrustedWithoutNodePoolIsRefused() {
        let baseline = TenantBaseline(name: "loose", trust: .untrusted)
        #expect(baseline.unmetRequirement?.contains("--node-pool KEY=VALUE") == true)
        #expect(TenantBaseline(name: "loose", trust: .untrusted, nodePool: ["pool": "sandbox"]).unmetRequirement == nil)
        #expect(TenantBaseline(name: "team", trust: .trusted).unmetRequirement == nil)
        #expect(baseline.yaml.contains("pod-security.kubernetes.io/enforce: restricted"))
        #expect(baseline.yaml.contains("kind: FlowSchema"))
        #expect(baseline.yaml.contains("runtimeClassName: gvisor"))
        #expect(!baseline.yaml.contains("kind: RuntimeClass"))
    }

    @Test func quotaOverrides() {
        let hard = Dictionary(uniqueKeysWithValues: TenantBaseline(name: "q", trust: .trusted, quota: ["cpu": "3", "limits.memory": "1Gi"]).quotaHard.map { ($0.key, $0.value) })
        #expect(hard["requests.cpu"] == "3")
        #expect(hard["limits.memory"] == "1Gi")
        #expect(hard["services.loadbalancers"] == "0")
    }
}

extension TenantBaseline: CustomTestStringConvertible {
    public var testDescription: String { "\(name) (\(trust.rawValue))" }
}
