import RampartModel
import RampartRules
import RampartTenancy
import Testing
import TestSupport

/// Issue 21: a ClusterRoleBinding of a group of its own (an operator) is evidence in every tenant.
/// One is named in full; several are one item per tenant that names five and counts the rest, so
/// thousands of tenants and operators do not make millions of evidence items.
@Suite struct ClusterOperatorEvidenceTests {
    static func cluster(operators: Int) -> String {
        let tenants = ["team-a", "team-b"].map { name in
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: \(name), labels: {rampart.dev/tenant: \(name)}}
            """
        }
        let bindings = (1...operators).map { index in
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: operator-\(index)}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects:
            - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: "ops-\(index)"}
            """
        }
        return (tenants + bindings).joined(separator: "\n---\n")
    }

    static func operatorEvidence(_ operators: Int) throws -> [Evidence] {
        let context = Example.context(Fixtures.objects(cluster(operators: operators)), model: nil)
        let verdict = try #require(context.tenancy.verdicts.first { $0.tenant == "team-b" })
        let layer = try #require(verdict.layers.first { $0.layer == .controlPlane })
        return layer.evidence.filter { $0.message.contains("cluster-wide operator") }
    }

    @Test func oneOperatorIsNamedInFull() throws {
        let evidence = try Self.operatorEvidence(1)
        #expect(evidence.count == 1)
        let message = try #require(evidence.first?.message)
        #expect(message.hasPrefix("cluster-wide operator (make sure it is the platform team): Group ops-1 can "))
        #expect(message.hasSuffix(" cluster-wide through ClusterRoleBinding/operator-1 (ClusterRole/edit)"))
    }

    @Test func severalOperatorsAreOneItemNamingFive() throws {
        let evidence = try Self.operatorEvidence(7)
        #expect(evidence.map(\.message) == [
            "7 cluster-wide operators (make sure they are the platform team): "
                + (1...5).map { "Group ops-\($0) through ClusterRoleBinding/operator-\($0) (ClusterRole/edit)" }.joined(separator: "; ")
                + "; and 2 more",
        ])
        #expect(evidence.first?.status == .warn)
        #expect(evidence.first?.object?.name == "operator-1")
    }
}
