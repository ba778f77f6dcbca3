import RampartModel
import RampartRules
import RampartTenancy
import Testing
import TestSupport

/// Paths that differ only in the tenant they reach are said once: a tenant that may relabel its
/// namespace joins every tenant whose membership is a label, one that may run pods in every
/// namespace acts as every tenant's service accounts, and with thousands of such tenants one finding
/// per pair of tenants buried the report (quadratic in the tenants).
@Suite struct EscalationRouteTests {
    static let tenants = ["solar", "oil", "gas", "wind", "coal", "tide", "hydro"]

    /// Seven Capsule-labelled tenants enforcing restricted (no way onto the nodes), then `grants`.
    static func cluster(_ grants: [String]) -> String {
        let namespaces = tenants.map { tenant in
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: \(tenant)-dev, labels: {capsule.clastix.io/tenant: \(tenant), pod-security.kubernetes.io/enforce: restricted}}
            """
        }
        return (namespaces + grants).joined(separator: "\n---\n")
    }

    /// A ClusterRole with one rule, `verb` on core `resource`.
    static func clusterRole(_ name: String, _ verb: String, _ resource: String) -> String {
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: \(name)}
        rules: [{apiGroups: [""], resources: [\(resource)], verbs: [\(verb)]}]
        """
    }

    /// A RoleBinding of `namespace` (a ClusterRoleBinding when nil) of ClusterRole `role` to one subject.
    static func binding(_ name: String, namespace: String?, role: String, _ kind: String, _ subject: String) -> String {
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: \(namespace == nil ? "ClusterRoleBinding" : "RoleBinding")
        metadata: {name: \(name)\(namespace.map { ", namespace: \($0)" } ?? "")}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: \(role)}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: \(kind), name: "\(subject)"}]
        """
    }

    /// alice, solar's owner, may patch namespaces.
    static let relabelling = cluster([clusterRole("namespace-labels", "patch", "namespaces"),
                                      binding("namespace-labels", namespace: "solar-dev", role: "namespace-labels", "User", "alice")])

    /// solar's developers (a RoleBinding of solar-dev names them) may also create pods in every
    /// namespace through a ClusterRoleBinding.
    static let podsEverywhere = cluster([clusterRole("pod-creator", "create", "pods"),
                                         binding("developers", namespace: "solar-dev", role: "view", "Group", "solar:developers"),
                                         binding("solar-pods-everywhere", namespace: nil, role: "pod-creator", "Group", "solar:developers")])

    @Test func relabellingIntoEveryLabelledTenantIsOneFinding() throws {
        let context = AuditContext(inventory: Fixtures.inventory(Self.relabelling))
        let findings = Auditor.audit(context, rules: Catalog.rules.filter { $0.metadata.id == "rbac.cross-tenant-escalation" })
        let relabelling = findings.filter { $0.message.contains("by relabelling a namespace") }
        #expect(relabelling.count == 1, "\(relabelling.map(\.message))")
        let message = try #require(relabelling.first?.message)
        #expect(message.hasPrefix("tenant solar → 6 tenants: User alice can reach tenants coal, gas, hydro, oil, tide and 1 more (by relabelling a namespace) in 1 step"),
                "\(message)")
        #expect(findings.count == 1, "alice may only relabel: no other path")
    }

    @Test func runningPodsInEveryNamespaceIsOneFindingEndingAtTheGrant() throws {
        let context = AuditContext(inventory: Fixtures.inventory(Self.podsEverywhere))
        let findings = Auditor.audit(context, rules: Catalog.rules.filter { $0.metadata.id == "rbac.cross-tenant-escalation" })
        #expect(findings.count == 1, "\(findings.map(\.message))")
        let finding = try #require(findings.first)
        #expect(finding.message == "tenant solar → 6 tenants: Group solar:developers can reach tenants coal, gas, hydro, oil, tide and 1 more in 1 step: create-workloads → any service account of any namespace",
                "\(finding.message)")
        #expect(finding.object.name == "solar-pods-everywhere" && finding.location.line == 44,
                "the ClusterRoleBinding's subject, not \(finding.object.name):\(finding.location.line)")
        #expect(finding.notes.count == 1 && !finding.notes[0].contains("including"), "\(finding.notes)")
    }

    @Test func theTenancyLayerSaysTheRouteOnce() throws {
        let context = AuditContext(inventory: Fixtures.inventory(Self.relabelling))
        let solar = try #require(context.tenancy.verdicts.first { $0.tenant == "solar" })
        let controlPlane = try #require(solar.layers.first { $0.layer == .controlPlane })
        let paths = controlPlane.evidence.filter { $0.message.hasPrefix("escalation path") }
        #expect(paths.map(\.message).filter { $0.contains("relabel") }.count == 1, "\(paths.map(\.message))")
    }
}
