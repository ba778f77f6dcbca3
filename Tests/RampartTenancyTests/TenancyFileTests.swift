import RampartModel
import RampartRules
import RampartTenancy
import Testing
import TestSupport

@Suite struct TenancyFileTests {
    private func parse(_ yaml: String) -> (TenancyModel?, [TenancyDiagnostic]) {
        guard let root = Fixtures.objects(yaml).first?.root else { return (nil, []) }
        return TenancyFile.parse(root, file: "tenants.yaml")
    }

    @Test func exampleFileParsesCleanly() throws {
        let model = try #require(Example.model)
        #expect(model.platformNamespaces == ["kube-system", "ingress-nginx", "cert-manager", "monitoring", "argocd"])
        let acme = try #require(model.tenants.last)
        #expect(acme.name == "acme")
        #expect(acme.isUntrusted && acme.requiredIsolation == .hard)
        #expect(acme.namespaces.matches("customer-acme-batch", labels: [:]))
        #expect(!acme.namespaces.matches("customer-acmex", labels: [:]))
        #expect(model.tenants[0].compliance == ["pci-dss"])
        #expect(model.tenants[1].namespaces.matches("anything", labels: ["rampart.dev/tenant": "search"]))
    }

    @Test func errorsNameTheirLines() throws {
        let (model, diagnostics) = parse("""
            apiVersion: rampart.dev/v1alpha1
            kind: Tenancy
            tenants:
            - name: a
              trust: sometimes
              namespaces: {names: [a]}
            - name: b
              trust: trusted
              namespaces: {names: [b]}
              isolaton: hard
            - trust: trusted
              namespaces: {}
            - name: b
              trust: trusted
              namespaces: {names: [b2]}
            """)
        let messages = diagnostics.map(\.description)
        #expect(messages.contains("line 5: tenant 'a': trust: 'sometimes' is not a valid value"))
        #expect(messages.contains { $0.hasPrefix("line 10: tenant 'b': unknown field 'isolaton'") })
        #expect(messages.contains("line 11: tenant without a name"))
        #expect(messages.contains { $0.hasPrefix("line 12: tenant: namespaces names no namespace") })
        // Tenants with errors are left out; the valid one is kept.
        #expect(model?.tenants.map(\.name) == ["b"])
    }

    @Test func registriesAreAListOfEntriesAndATypoIsAnError() {
        let (model, diagnostics) = parse("""
            apiVersion: rampart.dev/v1alpha1
            kind: Tenancy
            tenants:
            - {name: a, trust: trusted, namespaces: {names: [a]}, registries: [registry.example.com/a]}
            - {name: b, trust: trusted, namespaces: {names: [b]}, registry: [registry.example.com/b]}
            - {name: c, trust: trusted, namespaces: {names: [c]}, registries: registry.example.com/c}
            - {name: d, trust: trusted, namespaces: {names: [d]}, registries: [" "]}
            """)
        let messages = diagnostics.map(\.description)
        #expect(model?.tenants.map(\.name) == ["a"])
        #expect(model?.tenants.first?.registries == ["registry.example.com/a"])
        #expect(messages.contains { $0.hasPrefix("line 5: tenant 'b': unknown field 'registry'") })
        #expect(messages.contains("line 6: tenant 'c': registries must be a list"))
        #expect(messages.contains("line 7: tenant 'd': registries: an empty entry allows no image"))
    }

    @Test func duplicateTenantsAndWrongKind() {
        let (_, duplicate) = parse("""
            apiVersion: rampart.dev/v1alpha1
            kind: Tenancy
            tenants:
            - {name: a, trust: trusted, namespaces: {names: [a]}}
            - {name: a, trust: trusted, namespaces: {names: [a2]}}
            """)
        #expect(duplicate.map(\.description) == ["line 5: tenant 'a' is declared twice (first at line 4)"])
        let (model, wrong) = parse("apiVersion: v1\nkind: Tenancy\n")
        #expect(model == nil)
        #expect(wrong.map(\.description) == ["line 1: apiVersion must be rampart.dev/v1alpha1"])
    }

    @Test func isolationBelowProfileIsAWarning() throws {
        let (model, diagnostics) = parse("""
            apiVersion: rampart.dev/v1alpha1
            kind: Tenancy
            tenants:
            - name: c
              trust: untrusted
              namespaces: {names: [c]}
              isolation: soft
            """)
        #expect(model?.tenants.first?.requiredIsolation == .soft)
        #expect(diagnostics.allSatisfy { $0.isWarning })
        #expect(diagnostics.first?.description == "line 7: warning: tenant 'c': isolation soft is below what its profile needs (hard)")
    }

    @Test func namespaceClaimedTwice() {
        let inventory = Fixtures.inventory("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: shared}
            """)
        let model = TenancyModel(tenants: [
            TenantSpec(name: "a", namespaces: NamespaceMatcher(names: ["shared"]), origin: "test"),
            TenantSpec(name: "b", namespaces: NamespaceMatcher(names: ["sha*"]), origin: "test"),
        ], source: "test")
        let report = TenancyAnalysis.analyse(inventory, model: model)
        #expect(report.verdicts.map(\.tenant) == ["a"])
        #expect(report.absentTenants == ["b"])
        #expect(report.gaps.filter { $0.kind == .namespaceClaimedTwice }.map(\.tenant) == ["b"])
        let context = AuditContext(inventory: inventory, settings: RuleSettings())
        context.useTenancy(model)
        let claimed = Auditor.audit(context, rules: [TenancyNamespaceClaimedTwice()])
        #expect(claimed.map(\.message) == ["namespace shared is claimed by tenant b and by tenant a; it is judged as a's"])
    }
}
