@testable import RampartRBAC
import Testing

/// The escalation graph asks each rule the techniques' questions once, as bits: the bits must say
/// what the authorizer's own matching says, question by question.
@Suite struct RuleAnswersTests {
    static let rules: [PolicyRule] = [
        PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]),
        PolicyRule(verbs: ["create"], apiGroups: [""], resources: ["pods", "pods/exec"]),
        PolicyRule(verbs: ["get", "list"], apiGroups: [""], resources: ["secrets"], resourceNames: ["token-a"]),
        PolicyRule(verbs: ["update", "patch"], apiGroups: [""], resources: ["*/status", "*/finalize"]),
        PolicyRule(verbs: ["bind", "escalate"], apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"]),
        PolicyRule(verbs: ["impersonate:user-info"], apiGroups: ["authentication.k8s.io"], resources: ["users", "groups"]),
        PolicyRule(verbs: ["approve"], apiGroups: ["certificates.k8s.io"], resources: ["signers"], resourceNames: ["kubernetes.io/*"]),
        PolicyRule(verbs: ["*"], apiGroups: ["apps", "batch"], resources: ["deployments", "cronjobs"]),
        PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["configmaps"]),
        PolicyRule(nonResourceURLs: ["*"]),
    ]

    /// What the authorizer answers for `question` of `rule`, names aside.
    static func authorizer(_ rule: PolicyRule, _ index: Int) -> Bool {
        var unnamed = rule
        unnamed.resourceNames = []
        return unnamed.allows(RelevantRules.questions[index])
    }

    @Test(arguments: rules)
    func answersAreTheAuthorizers(rule: PolicyRule) {
        let answers = RuleAnswers(rule)
        for index in RelevantRules.questions.indices {
            #expect(answers.allows(RelevantRules.Question(index: index)) == Self.authorizer(rule, index),
                    "\(rule) on \(RelevantRules.questions[index].description)")
        }
    }

    static let gate = PolicyRule(verbs: ["create", "update", "get"], apiGroups: ["*"], resources: ["*/exec", "pods", "*/status", "deployments"])

    /// The rules the gate lets something of through (the first, second, fourth and eighth).
    static let gated = rules.filter { $0.intersection(gate) != nil }

    @Test func theGateMeetsFourRules() {
        #expect(Self.gated == [Self.rules[0], Self.rules[1], Self.rules[3], Self.rules[7]])
    }

    /// An impersonator's gate cuts a rule down to the intersection, whose answers are asked only
    /// where the rule said yes.
    @Test(arguments: gated)
    func answersOfAnIntersectionAreTheAuthorizers(rule: PolicyRule) throws {
        let both = try #require(rule.intersection(Self.gate))
        let answers = RuleAnswers(both, among: RuleAnswers(rule))
        for index in RelevantRules.questions.indices {
            #expect(answers.allows(RelevantRules.Question(index: index)) == Self.authorizer(both, index),
                    "\(both) on \(RelevantRules.questions[index].description)")
        }
    }

    /// A capability limited to names answers for those names, for some name (nil), not for every name ("").
    @Test func namesStillCount() {
        let capability = Capability(rule: Self.rules[2], scope: .namespace("a"), origin: .implied("test"))
        let get = RelevantRules.question("get", "secrets")
        #expect(capability.allows(get, name: "token-a"))
        #expect(!capability.allows(get, name: "token-b"))
        #expect(capability.allows(get, name: nil))
        #expect(!capability.allows(get, name: ""))
        #expect(!capability.allows(get, name: nil, clusterScoped: true))
    }
}
