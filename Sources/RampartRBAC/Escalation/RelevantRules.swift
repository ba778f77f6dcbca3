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

    /// True when `rule` allows one of the questions for some object name, or says what a constrained
    /// impersonator may do (`impersonate-on:…`).
    static func isRelevant(_ rule: PolicyRule) -> Bool {
        if rule.verbs.contains(where: { $0.hasPrefix("impersonate-on:") }) { return true }
        var unnamed = rule
        unnamed.resourceNames = []
        return questions.contains { unnamed.allows($0) }
    }

    /// Each role's rules that techniques ask about, each distinct rule judged once.
    static func byRole(_ roles: [RoleKey: RBACRole]) -> [RoleKey: [RBACRole.SourcedRule]] {
        var judged: [PolicyRule: Bool] = [:]
        return roles.mapValues { role in
            role.rules.filter { sourced in
                if let known = judged[sourced.rule] { return known }
                let relevant = isRelevant(sourced.rule)
                judged[sourced.rule] = relevant
                return relevant
            }
        }
    }
}
