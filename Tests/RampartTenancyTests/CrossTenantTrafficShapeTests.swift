import RampartModel
import RampartRules
import RampartTenancy
import Testing
import TestSupport

/// Issue 21: `tenancy.cross-tenant-traffic` grows with the namespaces, not with the pairs of tenants.
/// Seven single-namespace tenants without network policies all reach each other: 42 ordered pairs,
/// but one finding and one inbound and one outbound evidence item per namespace, naming five peers
/// and counting the sixth.
@Suite struct CrossTenantTrafficShapeTests {
    static let names = (1...7).map { "team-\($0)" }

    static let cluster = names.map { name in
        """
        apiVersion: v1
        kind: Namespace
        metadata: {name: \(name), labels: {rampart.dev/tenant: \(name)}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: \(name), labels: {app: web}}
        spec:
          containers:
          - {name: web, image: registry.example.com/web:1.0, ports: [{containerPort: 8080}]}
        """
    }.joined(separator: "\n---\n")

    static let context = Example.context(Fixtures.objects(cluster), model: nil)

    @Test func oneFindingPerReachedNamespace() throws {
        let findings = Auditor.audit(Self.context, rules: [TenancyCrossTenantTraffic()])
        #expect(findings.map(\.object.description).sorted() == Self.names.map { "Namespace/\($0)" })
        let first = try #require(findings.first { $0.object.name == "team-1" })
        #expect(first.message == """
            pods of 6 namespaces of 6 other tenants can connect to pods of tenant team-1 (namespace team-1): \
            team-2 (tenant team-2): All Connections; team-3 (tenant team-3): All Connections; team-4 (tenant team-4): All Connections; \
            team-5 (tenant team-5): All Connections; team-6 (tenant team-6): All Connections; and 1 more namespace
            """)
        #expect(first.notes.count == 1)
    }

    @Test func networkEvidenceIsOneItemPerNamespaceAndDirection() throws {
        let verdict = try #require(Self.context.tenancy.verdicts.first { $0.tenant == "team-7" })
        let network = try #require(verdict.layers.first { $0.layer == .network })
        let crossing = network.evidence.filter { $0.rules.contains("tenancy.cross-tenant-traffic") }
        #expect(crossing.map(\.message).sorted() == [
            "from 6 namespaces of 6 other tenants → team-7: team-1 (tenant team-1): All Connections; team-2 (tenant team-2): All Connections; "
                + "team-3 (tenant team-3): All Connections; team-4 (tenant team-4): All Connections; team-5 (tenant team-5): All Connections; "
                + "and 1 more namespace",
            "to 6 namespaces of 6 other tenants: team-7 → team-1 (tenant team-1): All Connections; team-2 (tenant team-2): All Connections; "
                + "team-3 (tenant team-3): All Connections; team-4 (tenant team-4): All Connections; team-5 (tenant team-5): All Connections; "
                + "and 1 more namespace",
        ])
        #expect(crossing.allSatisfy { $0.status == .fail })
    }
}
