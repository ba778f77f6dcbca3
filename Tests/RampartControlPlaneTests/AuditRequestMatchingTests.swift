import RampartControlPlane
import RampartModel
import Testing
import TestSupport

/// The audit policy matched against one request as the API server's policy checker does: subresources
/// by their combined name, verbs, cluster scope and user restrictions.
@Suite struct AuditRequestMatchingTests {
    static func policy(_ rules: String) throws -> AuditPolicy {
        try #require(ControlPlane(Fixtures.inventory("apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n" + rules)).auditPolicies.first)
    }

    static let exec = AuditRequest(group: "", resource: "pods", subresource: "exec", verb: "create")

    @Test func aResourceNameDoesNotNameItsSubresources() throws {
        let policy = try Self.policy("""
            - level: None
              resources: [{group: "", resources: ["pods"]}]
            - level: Metadata
            """)
        #expect(policy.matches(Self.exec).map(\.index) == [1], "pods does not name pods/exec")
        #expect(policy.matches(AuditRequest(group: "", resource: "pods", verb: "get")).map(\.index) == [0])
    }

    @Test(arguments: ["pods/exec", "*/exec", "pods/*", "*"])
    func wildcardsNameSubresources(_ entry: String) throws {
        let policy = try Self.policy("""
            - level: None
              resources: [{group: "", resources: ["\(entry)"]}]
            - level: Metadata
            """)
        #expect(policy.matches(Self.exec).map(\.level) == [.none])
    }

    @Test func verbsDecideWhenTheRequestHasOne() throws {
        let policy = try Self.policy("""
            - level: None
              verbs: [get, list, watch]
              resources: [{group: "", resources: ["namespaces"]}]
            - level: Request
            """)
        #expect(policy.matches(AuditRequest(group: "", resource: "namespaces", verb: "patch")).map(\.index) == [1])
        let anyVerb = policy.matches(AuditRequest(group: "", resource: "namespaces"))
        #expect(anyVerb.map(\.index) == [0, 1] && anyVerb.first?.isUnconditional == false)
    }

    @Test func namespacesListsMatchClusterScopedRequestsOnlyThroughTheEmptyName() throws {
        let policy = try Self.policy("""
            - level: None
              namespaces: ["team-a"]
            - level: Metadata
              namespaces: [""]
            - level: Request
            """)
        let clusterRole = AuditRequest(group: "rbac.authorization.k8s.io", resource: "clusterroles", verb: "create", isClusterScoped: true)
        #expect(policy.matches(clusterRole).map(\.index) == [1])
        #expect(policy.matches(clusterRole).first?.isUnconditional == true)
        let role = AuditRequest(group: "rbac.authorization.k8s.io", resource: "roles", verb: "create")
        #expect(policy.matches(role).map(\.index) == [0, 1, 2], "a namespace list applies to some namespaced requests only")
    }

    @Test func usersAndResourceNamesRestrictARule() throws {
        let policy = try Self.policy("""
            - level: None
              userGroups: ["ops"]
            - level: None
              resources: [{group: rbac.authorization.k8s.io, resources: ["clusterrolebindings"], resourceNames: ["admin"]}]
            - level: RequestResponse
              resources: [{group: rbac.authorization.k8s.io}]
            """)
        let binding = AuditRequest(group: "rbac.authorization.k8s.io", resource: "clusterrolebindings", verb: "update", isClusterScoped: true)
        #expect(policy.matches(binding).map(\.isUnconditional) == [false, false, true])
        #expect(policy.matches(binding).map(\.level) == [.none, .none, .requestResponse])
    }

    @Test func levelsAreOrderedByWhatTheyRecord() {
        #expect(AuditPolicy.Level.none < .metadata && .metadata < .request && .request < .requestResponse)
    }
}
