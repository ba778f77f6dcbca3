import RampartClusterAdmission
import RampartModel
import Testing
import TestSupport

/// How a matched policy decides: validations and their messages, variables, params, match
/// conditions, failure policy and binding actions, as the API server's policy plugin does.
@Suite("What a ValidatingAdmissionPolicy decides")
struct EvaluationTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: team, labels: {app: web}}
        spec: {hostNetwork: true, containers: [{name: c, image: nginx}]}
        """

    static func policy(_ spec: String, resource: String = "pods", binding: String = "{policyName: p, validationActions: [Deny]}") -> String {
        """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: p}
        spec:
          matchConstraints:
            resourceRules:
            - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["\(resource)"]}
        \(spec)
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: b}
        spec: \(binding)
        """
    }

    func check(_ documents: String...) -> AdmissionCheckResult {
        let inventory = Fixtures.inventory(documents.joined(separator: "\n---\n"))
        let results = AdmissionCheck.run(inventory).filter { $0.object.kind == "Pod" }
        #expect(results.count == 1)
        return results[0]
    }

    @Test func aFalseValidationDeniesWithItsMessage() {
        let result = check(Self.policy("""
              validations:
              - {expression: "object.spec.hostNetwork != true", message: "no host network", reason: Forbidden}
            """), Self.pod)
        #expect(result.decision == .deny)
        #expect(result.policies.map(\.message) == ["no host network"])
        #expect(result.policies.map(\.reason) == ["Forbidden"])
        #expect(result.policies.first?.text(for: .deny) == "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: no host network")
    }

    @Test func messageExpressionWinsAndFallsBackToTheExpression() {
        let withExpression = check(Self.policy("""
              validations:
              - {expression: "false", message: static, messageExpression: "'pod ' + object.metadata.name"}
            """), Self.pod)
        #expect(withExpression.policies.map(\.message) == ["pod web"])
        let bare = check(Self.policy("""
              validations:
              - expression: "object.spec.hostNetwork == false"
            """), Self.pod)
        #expect(bare.policies.map(\.message) == ["failed expression: object.spec.hostNetwork == false"])
    }

    @Test func warnAndAuditBindingsAdmit() {
        let policy = Self.policy("""
              validations:
              - {expression: "false", message: nope}
            """, binding: "{policyName: p, validationActions: [Warn, Audit]}")
        let result = check(policy, Self.pod)
        #expect(result.decision == .warn)
        #expect(result.policies.first?.actions == [.warn, .audit])
    }

    @Test func variablesAreReadInOrderAndAFailingOneOnlyFailsItsReaders() {
        let result = check(Self.policy("""
              variables:
              - {name: containers, expression: "object.spec.containers"}
              - {name: first, expression: "variables.containers[0].name"}
              - {name: broken, expression: "object.spec.missing"}
              validations:
              - {expression: "variables.first == 'c'", message: first}
              - {expression: "variables.broken == 1", message: broken}
            """), Self.pod)
        #expect(result.policies.count == 1)
        #expect(result.policies.first?.evaluationFailed == true)
        #expect(result.policies.first?.message.contains("object.spec.missing") == true)
    }

    @Test func failurePolicyIgnoreLetsAFailingExpressionThrough() {
        let failing = """
              validations:
              - {expression: "object.spec.nothing == 1"}
            """
        #expect(check(Self.policy("  failurePolicy: Fail\n" + failing), Self.pod).decision == .deny)
        #expect(check(Self.policy("  failurePolicy: Ignore\n" + failing), Self.pod).decision == .admit)
    }

    @Test func matchConditionsNarrowThePolicy() {
        let policy = Self.policy("""
              matchConditions:
              - {name: only-db, expression: "object.metadata.labels.app == 'db'"}
              validations:
              - {expression: "false"}
            """)
        #expect(check(policy, Self.pod).decision == .admit)
    }

    @Test func paramsAreFoundByNameOrSelectorAndAMissingOneFollowsTheAction() {
        let spec = """
              paramKind: {apiVersion: example.com/v1, kind: Limits}
              validations:
              - {expression: "object.spec.containers.size() <= params.max", message: too many}
            """
        let params = "apiVersion: example.com/v1\nkind: Limits\nmetadata: {name: strict, labels: {tier: strict}}\nmax: 0\n"
        let byName = Self.policy(spec, binding: "{policyName: p, validationActions: [Deny], paramRef: {name: strict, parameterNotFoundAction: Deny}}")
        let bySelector = Self.policy(spec, binding: "{policyName: p, validationActions: [Deny], paramRef: {selector: {matchLabels: {tier: strict}}, parameterNotFoundAction: Deny}}")
        let missingAllowed = Self.policy(spec, binding: "{policyName: p, validationActions: [Deny], paramRef: {name: gone, parameterNotFoundAction: Allow}}")
        let missingDenied = Self.policy(spec, binding: "{policyName: p, validationActions: [Deny], paramRef: {name: gone, parameterNotFoundAction: Deny}}")
        #expect(check(byName, params, Self.pod).policies.map(\.message) == ["too many"])
        #expect(check(bySelector, params, Self.pod).decision == .deny)
        #expect(check(missingAllowed, params, Self.pod).decision == .admit)
        #expect(check(missingDenied, params, Self.pod).policies.map(\.message)
                == ["no params found for policy binding with `Deny` parameterNotFoundAction"])
    }

    @Test func brokenExpressionsAndDanglingBindingsAreProblemsAtTheirLine() {
        let inventory = Fixtures.inventory(Self.policy("""
              validations:
              - {expression: "object.spec.hostNetwork ==", message: typo}
            """) + "\n---\n" + """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata: {name: orphan}
            spec: {policyName: missing, validationActions: [Deny, Block]}
            """)
        let problems = ClusterAdmission(inventory).problems
        #expect(problems.map(\.location.line) == [9, 19, 19])
        #expect(problems.contains { $0.message.contains("does not compile") })
        #expect(problems.contains { $0.message.contains("unknown validation action Block") })
        #expect(problems.contains { $0.message.contains("binds policy missing") })
    }

    @Test func anExpressionThatAsksTheAuthorizerIsUndeterminedNeverADenial() {
        let inventory = Fixtures.inventory(Self.policy("""
              validations:
              - expression: "authorizer.group('').resource('pods').namespace('team').check('create').allowed()"
            """) + "\n---\n" + Self.pod)
        #expect(ClusterAdmission(inventory).problems.isEmpty)
        let result = AdmissionCheck.run(inventory).first { $0.object.kind == "Pod" }
        #expect(result?.decision == .admit)
        #expect(result?.policies.map(\.actions) == [[]])
        #expect(result?.policies.first?.message.hasPrefix("not evaluated offline") == true)
    }

    @Test func anotherStepsVerdictJoinsTheDecision() {
        let inventory = Fixtures.inventory(Self.pod)
        func decision(_ step: AdmissionCheckResult.StepVerdict) -> AdmissionCheckResult.Decision? {
            AdmissionCheck.run(inventory, webhook: { _ in step }).first?.decision
        }
        #expect(decision(.init(name: "rampart", allowed: false, messages: ["denied"])) == .deny)
        #expect(decision(.init(name: "rampart", allowed: true, messages: ["careful"])) == .warn)
        #expect(decision(.init(name: "rampart", allowed: true, messages: [])) == .admit)
    }

    @Test func compiledPoliciesReadTheNamespacesOfAnotherInventory() {
        let admission = ClusterAdmission(Fixtures.inventory(Self.policy("""
              validations:
              - expression: "namespaceObject.metadata.labels.tier != 'locked'"
            """)))
        let pod = Fixtures.inventory(Self.pod).objects[0]
        func denied(_ tier: String) -> Bool {
            let namespace = Fixtures.inventory("apiVersion: v1\nkind: Namespace\nmetadata: {name: team, labels: {tier: \(tier)}}")
            return admission.reading(namespace).evaluate(AdmissionAttributes(operation: .create, object: pod)).verdicts
                .contains { $0.actions.contains(.deny) }
        }
        #expect(denied("locked"))
        #expect(!denied("open"))
        #expect(admission.reading(Fixtures.inventory(Self.pod)).policies.count == 1)
    }

    /// The admission check of a Secret holding a canary value under a policy whose `spec` goes on
    /// after its match constraints with `rest` (validations, audit annotations).
    static func checkSecret(_ rest: String) -> AdmissionCheckResult? {
        let inventory = Fixtures.inventory(policy(rest, resource: "secrets", binding: "{policyName: p, validationActions: [Deny, Audit]}") + """

            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: s, namespace: team}
            stringData: {token: canary-5f3a9}
            """)
        return AdmissionCheck.run(inventory).first { $0.object.kind == "Secret" }
    }

    @Test func aMessageExpressionNeverQuotesASecretsData() {
        let result = Self.checkSecret("""
              validations:
              - {expression: "false", message: "secrets are reviewed", messageExpression: "'value: ' + object.stringData.token"}
              auditAnnotations:
              - {key: leaked, valueExpression: "object.stringData.token"}
            """)
        #expect(result?.decision == .deny)
        #expect(result?.policies.map(\.message) == ["secrets are reviewed"])
        #expect(result?.auditAnnotations.isEmpty == true)
    }

    @Test func anEvaluationErrorNeverQuotesASecretsData() {
        let result = Self.checkSecret("""
              validations:
              - {expression: "object.stringData[object.stringData.token] == 'x'"}
              - {expression: "quantity(object.stringData.token).isInteger()"}
            """)
        #expect(result?.decision == .deny)
        #expect(result?.policies.count == 2)
        for message in result?.policies.map(\.message) ?? [] {
            #expect(!message.contains("canary-5f3a9"), "\(message)")
        }
    }
}
