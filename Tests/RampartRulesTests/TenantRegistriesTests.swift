import RampartModel
import RampartRules
import RampartTenancy
import Testing
import TestSupport

/// A tenant's `registries` (tenancy file) narrow the configured allow-list for its namespaces, never widen it.
@Suite struct TenantRegistriesTests {
    private static let pods = """
        kind: Pod
        metadata: {name: a, namespace: team-a}
        spec:
          containers: [{name: app, image: "registry.example.com/team-a/web:1"}, {name: side, image: "registry.example.com/team-b/proxy:1"}]
        ---
        kind: Pod
        metadata: {name: b, namespace: team-b}
        spec:
          containers: [{name: app, image: "registry.example.com/team-a/web:1"}]
        """

    private func messages(registries: [String], allowed: [String]) -> [String] {
        let context = AuditContext(inventory: Fixtures.inventory(Self.pods), settings: RuleSettings(allowedRegistries: allowed))
        context.useTenancy(TenancyModel(tenants: [
            TenantSpec(name: "a", namespaces: NamespaceMatcher(names: ["team-a"]), registries: registries, origin: "test"),
            TenantSpec(name: "b", namespaces: NamespaceMatcher(names: ["team-b"]), origin: "test"),
        ], source: "test"))
        return Auditor.audit(context, rules: [ImagesUntrustedRegistry()]).map { "\($0.object.name) \($0.path): \($0.message)" }
    }

    @Test func theTenantsListNarrowsTheConfiguredOne() {
        #expect(messages(registries: ["registry.example.com/team-a"], allowed: ["registry.example.com"]) == [
            "a spec.containers[1].image: container \"side\" uses image 'registry.example.com/team-b/proxy:1' from 'registry.example.com', outside tenant a's registries (registry.example.com/team-a)",
        ])
    }

    @Test func theTenantsListAloneAppliesWithoutAConfiguredOne() {
        #expect(messages(registries: ["registry.example.com/team-a"], allowed: []).count == 1)
        #expect(messages(registries: [], allowed: []) == [])
    }

    @Test func aWiderTenantListNeverWidensTheConfiguredOne() {
        let found = messages(registries: ["registry.example.com"], allowed: ["registry.example.com/team-a"])
        #expect(found == [
            "a spec.containers[1].image: container \"side\" uses image 'registry.example.com/team-b/proxy:1' from 'registry.example.com', which is not an allowed registry",
        ])
    }
}
