import RampartCEL
import RampartClusterAdmission
import RampartModel
import Testing
import TestSupport

/// Where the requester is known, a policy that asks the authorizer is judged with the answers of the
/// function the adapter gives (RBAC among the inputs, in the CLI); where it is not, it stays undetermined.
@Suite("The authorizer of admission policies")
struct AuthorizerEvaluationTests {
    static let inventory = Fixtures.inventory(EvaluationTests.policy("""
          validations:
          - expression: "authorizer.group('').resource('pods').namespace(object.metadata.namespace).check('create').allowed()"
            message: only pod creators
          - expression: "authorizer.requestResource.check('create').allowed()"
            message: not allowed on its own resource
        """) + "\n---\n" + EvaluationTests.pod)

    /// Allows only the user `alice` to create pods.
    static let authorize: ClusterAdmission.Authorize = { user, check in
        CELAuthorizationDecision(allowed: user.name == "alice" && check.resource == "pods" && check.verb == "create", reason: "")
    }

    static func result(_ user: AdmissionUser?) -> AdmissionCheckResult? {
        AdmissionCheck.run(inventory, user: user, authorize: authorize).first { $0.object.kind == "Pod" }
    }

    @Test func aRequesterTheAuthorizerAllowsIsAdmitted() {
        let result = Self.result(AdmissionUser(name: "alice", groups: ["system:authenticated"]))
        #expect(result?.decision == .admit)
        #expect(result?.policies.isEmpty == true)
    }

    @Test func aRequesterTheAuthorizerRefusesIsDenied() {
        let result = Self.result(AdmissionUser(name: "mallory", groups: ["system:authenticated"]))
        #expect(result?.decision == .deny)
        #expect(result?.policies.map(\.message) == ["only pod creators", "not allowed on its own resource"])
    }

    @Test func anUnknownRequesterLeavesTheVerdictUndetermined() {
        let result = Self.result(nil)
        #expect(result?.decision == .admit)
        #expect(result?.policies.allSatisfy { $0.actions.isEmpty && $0.message.hasPrefix("not evaluated offline") } == true)
    }
}
