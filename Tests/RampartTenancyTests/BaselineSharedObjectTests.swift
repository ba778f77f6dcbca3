import RampartLoading
import RampartModel
import RampartTenancy
import Testing

/// Issue 14, defect 9: a tenant's baseline never creates or changes an object other tenants share.
/// The sandbox RuntimeClass is the platform's: the baseline names it in the tenant's pods and puts
/// the node placement on the tenant's own namespace and pods, never on the RuntimeClass.
@Suite struct BaselineSharedObjectTests {
    static let cases: [TenantBaseline] = [
        TenantBaseline(name: "umbrella", trust: .untrusted, nodePool: ["node.example.com/pool": "sandbox"]),
        TenantBaseline(name: "loose", trust: .untrusted),
        TenantBaseline(name: "multi", trust: .untrusted, namespaces: ["multi-dev", "multi-prod"], nodePool: ["pool": "multi"]),
        TenantBaseline(name: "green", trust: .trusted, nodePool: ["pool": "green"]),
    ]

    @Test("the baseline holds only the tenant's namespaces, their contents, and cluster-scoped objects of its own",
          arguments: cases)
    func onlyTheTenantsOwnObjects(_ baseline: TenantBaseline) throws {
        let loaded = ManifestLoader.load(Array(baseline.yaml.utf8), file: "baseline.yaml")
        #expect(loaded.errors.isEmpty)
        #expect(!loaded.objects.isEmpty)
        #expect(!loaded.objects.contains { $0.kind == "RuntimeClass" })
        for object in loaded.objects {
            if let namespace = object.namespace {
                #expect(baseline.namespaces.contains(namespace), "\(object.reference)")
            } else if object.kind == "Namespace" {
                #expect(baseline.namespaces.contains(object.name), "\(object.reference)")
            } else {
                // Cluster-scoped: only objects of the tenant's own, named after it (its FlowSchema).
                #expect(["FlowSchema"].contains(object.kind), "\(object.reference)")
                #expect(object.name == "tenant-\(baseline.name)", "\(object.reference)")
            }
        }
    }

    @Test("untrusted pods name the platform's RuntimeClass; the pool goes on the tenant's namespace and pods")
    func sandboxIsReferencedNotCreated() {
        let pooled = TenantBaseline(name: "umbrella", trust: .untrusted, nodePool: ["node.example.com/pool": "sandbox"]).yaml
        #expect(pooled.contains("#     runtimeClassName: gvisor"))
        #expect(pooled.contains("scheduler.alpha.kubernetes.io/node-selector: node.example.com/pool=sandbox"))
        #expect(pooled.contains("#     - key: node.example.com/pool\n#       operator: Equal\n#       value: sandbox\n#       effect: NoSchedule\n"))
        #expect(!pooled.contains("handler: runsc"))
        let other = TenantBaseline(name: "umbrella", trust: .untrusted, nodePool: ["pool": "u"], runtimeClass: "kata").yaml
        #expect(other.contains("#     runtimeClassName: kata"))
        #expect(!other.contains("runtimeClassName: gvisor"))
    }
}
