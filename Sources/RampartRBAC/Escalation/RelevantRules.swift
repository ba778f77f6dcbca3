/// The permissions escalation techniques ask about. A rule that allows none of them (most rules:
/// reading pods, writing ConfigMaps…) cannot start a step, so the graph never looks at it again.
enum RelevantRules {
    private static let writes = ["create", "update", "patch"]
    private static let rbac = RBACPolicy.group

    /// Every verb, API group and `resource[/subresource]` a technique in `AccountTechniques` or
    /// `RBACTechniques` asks about (names aside).
    static let questions: [AccessRequest] = {
        let asked: [(verbs: [String], group: String, resources: [String])] = [
            (["create"], "", ["pods", "pods/exec", "pods/attach", "serviceaccounts/token"]),
            (writes, "", ["replicationcontrollers"]),
            (writes, "apps", ["deployments", "replicasets", "statefulsets", "daemonsets"]),
            (writes, "batch", ["jobs", "cronjobs"]),
            (["impersonate"], "", ["serviceaccounts", "users", "groups"]),
            (["get", "list", "watch", "create"], "", ["secrets"]),
            (["update", "patch"], "", ["pods/ephemeralcontainers"]),
            (["get", "create"], "", ["nodes/proxy"]),
            (writes, rbac, ["clusterrolebindings", "rolebindings"]),
            (["bind", "escalate", "update", "patch"], rbac, ["clusterroles", "roles"]),
            (["update", "patch"], "", ["namespaces", "namespaces/status", "namespaces/finalize"]),
            (writes, "argoproj.io", ["applications"]),
            (writes, "kustomize.toolkit.fluxcd.io", ["kustomizations"]),
            (writes, "helm.toolkit.fluxcd.io", ["helmreleases"]),
            (writes, "capsule.clastix.io", ["tenantresources"]),
            (["create"], "certificates.k8s.io", ["certificatesigningrequests"]),
            (["update"], "certificates.k8s.io", ["certificatesigningrequests/approval"]),
            (["approve"], "certificates.k8s.io", ["signers"]),
            (["impersonate:serviceaccount"], EscalationGraph.authenticationGroup, ["serviceaccounts"]),
            (["impersonate:user-info"], EscalationGraph.authenticationGroup, ["users", "groups"]),
            (["impersonate:arbitrary-node", "impersonate:associated-node"], EscalationGraph.authenticationGroup, ["nodes"]),
        ]
        return asked.flatMap { verbs, group, resources in
            resources.flatMap { resource in
                verbs.map { verb in AccessRequest.parse(verb: verb, resource: group.isEmpty ? resource : Self.withGroup(resource, group)) }
            }
        }
    }()

    /// `deployments.apps`, `pods/exec`: kubectl's spelling, which `AccessRequest.parse` reads.
    private static func withGroup(_ resource: String, _ group: String) -> String {
        let parts = resource.split(separator: "/", maxSplits: 1)
        return parts.count == 2 ? "\(parts[0]).\(group)/\(parts[1])" : "\(resource).\(group)"
    }

    /// One of `questions`, by its position: what techniques ask of a capability (see `RuleAnswers`).
    struct Question: Sendable {
        let index: Int
    }

    private static let indexOfQuestion = Dictionary(questions.enumerated().map { ($1, $0) }) { first, _ in first }

    /// The question `verb` on `resource` (`resource[/subresource]`) of `group`. Every question a
    /// technique asks is one of `questions` (else the rules that answer it would not be relevant).
    static func question(_ verb: String, group: String = "", _ resource: String) -> Question {
        let request = AccessRequest.parse(verb: verb, resource: group.isEmpty ? resource : withGroup(resource, group))
        guard let index = indexOfQuestion[request] else { preconditionFailure("\(request.description) is not among RelevantRules.questions") }
        return Question(index: index)
    }

    /// True when `rule` allows one of the questions for some object name, or says what a constrained
    /// impersonator may do (`impersonate-on:…`).
    static func isRelevant(_ rule: PolicyRule, _ answers: RuleAnswers) -> Bool {
        !answers.isEmpty || rule.verbs.contains { $0.hasPrefix("impersonate-on:") }
    }

    /// Each role's rules that techniques ask about, with their answers, each distinct rule judged once.
    static func byRole(_ roles: [RoleKey: RBACRole]) -> [RoleKey: [RelevantRule]] {
        var answered: [PolicyRule: RuleAnswers] = [:]
        return roles.mapValues { role in
            role.rules.compactMap { sourced in
                let answers = answered[sourced.rule] ?? RuleAnswers(sourced.rule)
                answered[sourced.rule] = answers
                return isRelevant(sourced.rule, answers) ? RelevantRule(sourced: sourced, answers: answers) : nil
            }
        }
    }
}

/// A rule of a role that techniques ask about, with its answers.
struct RelevantRule: Sendable {
    var sourced: RBACRole.SourcedRule
    var answers: RuleAnswers
}

/// Which of `RelevantRules.questions` one rule allows, for some object name: worked out once per
/// distinct rule, so that the techniques' questions about each capability are bit tests.
struct RuleAnswers: Sendable {
    private var words: [UInt64]

    /// The answers of `rule`; `among`: only questions these answers allow are asked (for a rule
    /// that allows nothing more, such as the intersection of a rule with another).
    init(_ rule: PolicyRule, among candidates: RuleAnswers? = nil) {
        var unnamed = rule
        unnamed.resourceNames = []
        let questions = RelevantRules.questions
        words = candidates?.words ?? Array(repeating: ~0, count: (questions.count + 63) / 64)
        for word in words.indices {
            var asked = words[word]
            while asked != 0 {
                let bit = asked.trailingZeroBitCount
                asked &= asked - 1
                let index = word * 64 + bit
                if index >= questions.count || !unnamed.allows(questions[index]) { words[word] &= ~(1 << UInt64(bit)) }
            }
        }
    }

    /// True when the rule allows none of the questions.
    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// True when the rule allows `question` for some object name.
    func allows(_ question: RelevantRules.Question) -> Bool {
        words[question.index / 64] & (1 << UInt64(question.index % 64)) != 0
    }
}
