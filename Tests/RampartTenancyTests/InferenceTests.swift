import RampartModel
import RampartRules
import RampartTenancy
import Testing
import TestSupport

@Suite struct InferenceTests {
    @Test func exampleClusterWithoutFileFromRampartLabels() throws {
        let context = Example.context(Example.objects(), model: nil)
        let model = context.tenancyModel
        #expect(model.source == "inferred")
        #expect(model.tenants.map(\.name) == ["acme", "payments", "search"])
        let acme = try #require(model.tenants.first)
        #expect(acme.origin.contains("namespace label rampart.dev/tenant=acme on customer-acme"))
        #expect(acme.origin.contains("taken as trusted"))
        #expect(acme.requiredIsolation == .soft)
        #expect(context.tenancy.verdict("payments")?.namespaces == ["team-payments"])
    }

    @Test func rampartLabelsCarryTrustIsolationAndPool() throws {
        let inventory = Fixtures.inventory("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {rampart.dev/tenant: shop, rampart.dev/trust: untrusted}
              annotations: {rampart.dev/node-pool: "pool=shop", rampart.dev/compliance: "pci-dss, hipaa"}
            """)
        let tenant = try #require(TenantInference.infer(inventory, platform: []).tenants.first)
        #expect(tenant.trust == .untrusted)
        #expect(tenant.requiredIsolation == .hard)
        #expect(tenant.nodePool?.matchLabels == ["pool": "shop"])
        #expect(tenant.compliance == ["hipaa", "pci-dss"])
        #expect(!tenant.origin.contains("taken as trusted"))
    }

    @Test func capsuleTenantsAndTheirNamespaces() throws {
        let inventory = Fixtures.inventory("""
            apiVersion: capsule.clastix.io/v1beta2
            kind: Tenant
            metadata:
              name: oil
            spec:
              nodeSelector: {pool: oil}
              owners: [{kind: User, name: alice}]
            status:
              namespaces: [oil-dev]
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: oil-prod
              labels: {capsule.clastix.io/tenant: oil}
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: oil-dev
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: kube-system
              labels: {capsule.clastix.io/tenant: oil}
            """)
        let model = TenantInference.infer(inventory, platform: ["kube-system"])
        let oil = try #require(model.tenants.first)
        #expect(model.tenants.count == 1)
        #expect(oil.name == "oil")
        #expect(oil.origin.hasPrefix("Capsule Tenant oil (test.yaml:1)"))
        #expect(oil.nodePool?.matchLabels == ["pool": "oil"])
        let report = TenancyAnalysis.analyse(inventory, model: model)
        #expect(report.verdict("oil")?.namespaces == ["oil-dev", "oil-prod"])
    }

    @Test func hncTreesBecomeTenants() throws {
        let inventory = Fixtures.inventory("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: acme
              labels: {acme.tree.hnc.x-k8s.io/depth: "0"}
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: acme-team-a
              labels: {acme-team-a.tree.hnc.x-k8s.io/depth: "0", acme.tree.hnc.x-k8s.io/depth: "1"}
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: acme-team-a-dev
              labels: {acme-team-a-dev.tree.hnc.x-k8s.io/depth: "0", acme-team-a.tree.hnc.x-k8s.io/depth: "1", acme.tree.hnc.x-k8s.io/depth: "2"}
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: lonely
              labels: {lonely.tree.hnc.x-k8s.io/depth: "0"}
            """)
        let model = TenantInference.infer(inventory, platform: [])
        #expect(model.tenants.map(\.name) == ["acme"])
        #expect(model.tenants.first?.origin.hasPrefix("HNC hierarchy rooted at namespace acme") == true)
        #expect(model.tenants.first?.namespaces.names == ["acme", "acme-team-a", "acme-team-a-dev"])
    }

    @Test func noTenantsNoFindings() {
        let context = Example.context(Fixtures.objects("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: plain}
            """), model: nil)
        #expect(context.tenancy.verdicts.isEmpty)
        #expect(Auditor.audit(context, rules: TenancyRules.all).isEmpty)
    }
}
