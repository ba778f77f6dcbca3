import RampartModel
import RampartRules
import RampartTenancy
import Testing
import TestSupport

/// The container layer weighs what the image rules know per tenant: signature coverage, vulnerabilities
/// with a fix, registries; an untrusted tenant's gaps weigh more.
@Suite struct ContainerLayerTests {
    private static let tenants = TenancyModel(tenants: [
        TenantSpec(name: "team", namespaces: NamespaceMatcher(names: ["team"]), origin: "test"),
        TenantSpec(name: "acme", namespaces: NamespaceMatcher(names: ["acme"]), trust: .untrusted, origin: "test"),
    ], source: "test")

    private static func pod(_ namespace: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: app, namespace: \(namespace)}
        spec:
          containers: [{name: app, image: "registry.example.com/\(namespace)/app:1.0"}]
        """
    }

    /// A Kyverno policy that verifies `images` in the namespaces named.
    private static func policy(_ images: String, namespaces: [String]) -> String {
        """
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata: {name: verify}
        spec:
          rules:
          - name: cosign
            match:
              any:
              - resources: {kinds: [Pod], namespaces: [\(namespaces.joined(separator: ", "))]}
            verifyImages:
            - imageReferences: ["\(images)"]
              failureAction: Enforce
        """
    }

    /// A Trivy Operator report on the namespace's image with one vulnerability of `severity` with a fix.
    private static func report(_ namespace: String, severity: String) -> String {
        """
        apiVersion: aquasecurity.github.io/v1alpha1
        kind: VulnerabilityReport
        metadata: {name: pod-app-app, namespace: \(namespace)}
        report:
          registry: {server: registry.example.com}
          artifact: {repository: \(namespace)/app, tag: "1.0"}
          vulnerabilities:
          - {vulnerabilityID: CVE-2024-0001, resource: libssl3, installedVersion: "1", fixedVersion: "2", severity: \(severity)}
        """
    }

    private func containers(_ yaml: [String], _ tenant: String) throws -> LayerVerdict {
        let context = AuditContext(inventory: Fixtures.inventory(yaml.joined(separator: "\n---\n")))
        context.useTenancy(Self.tenants)
        return try #require(context.tenancy.verdict(tenant)?.layers.first { $0.layer == .containers })
    }

    @Test func namespacesThatNoSignaturePolicyCoversAreBelowHardAndWeighMoreForUntrustedTenants() throws {
        let team = try containers([Self.pod("team"), Self.pod("acme")], "team")
        #expect(team.ceiling == .softAffinity && team.status == .warn)
        let acme = try containers([Self.pod("team"), Self.pod("acme")], "acme")
        #expect(acme.ceiling == .soft && acme.status == .fail)
        #expect(acme.evidence.contains { $0.status == .fail && $0.message == "no signature verification policy applies in acme: its images run unverified" })
    }

    @Test func aPolicyThatCoversTheTenantsImagesKeepsItHard() throws {
        let layer = try containers([Self.pod("acme"), Self.policy("registry.example.com/*", namespaces: ["acme"])], "acme")
        #expect(layer.ceiling == .hard && layer.status == .pass)
        // A policy of the namespace that leaves the registry out: the image's own finding, by the rule's ID.
        let partial = try containers([Self.pod("acme"), Self.policy("ghcr.io/*", namespaces: ["acme"])], "acme")
        #expect(partial.ceiling == .soft)
        #expect(partial.evidence.contains { $0.status == .fail && $0.rules == ["images.signature-not-verified"] })
    }

    @Test func criticalVulnerabilitiesWithAFixCapTheLayerAndHighOnesOnlyForUntrustedTenants() throws {
        let policy = Self.policy("registry.example.com/*", namespaces: ["team", "acme"])
        let critical = try containers([Self.pod("team"), policy, Self.report("team", severity: "CRITICAL")], "team")
        #expect(critical.ceiling == .softAffinity && critical.status == .warn)
        #expect(critical.evidence.contains { $0.rules == ["images.vulnerable"] })
        let high = try containers([Self.pod("team"), policy, Self.report("team", severity: "HIGH")], "team")
        #expect(high.ceiling == .hard && high.status == .warn)
        let untrusted = try containers([Self.pod("acme"), policy, Self.report("acme", severity: "HIGH")], "acme")
        #expect(untrusted.ceiling == .soft && untrusted.status == .fail)
    }

    @Test func withoutReportsVulnerabilitiesAreNotJudged() throws {
        let layer = try containers([Self.pod("acme"), Self.policy("registry.example.com/*", namespaces: ["acme"])], "acme")
        #expect(layer.evidence.contains { $0.status == .note && $0.message.hasPrefix("no vulnerability reports among the inputs") })
    }
}
