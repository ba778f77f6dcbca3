/// Constrained impersonation (KEP-5284, alpha in Kubernetes 1.35, feature gate
/// `ConstrainedImpersonation`): the impersonator needs `impersonate:<mode>` on the identity
/// (`authentication.k8s.io`: `serviceaccounts` in the account's namespace, `users` and `groups`, or
/// `nodes`) and `impersonate-on:<mode>:<verb>` on each request it makes as that identity. It then
/// holds what the identity holds *and* its `impersonate-on` rules allow. The modes: `serviceaccount`
/// (the account's own groups), `user-info` (users that are neither accounts nor nodes, with groups
/// but never `system:masters`), `arbitrary-node` (any node) and `associated-node` (the node the
/// impersonating pod runs on). The legacy `impersonate` verb keeps working beside them.
extension EscalationGraph {
    static let authenticationGroup = "authentication.k8s.io"
    private static let impersonateAccount = RelevantRules.question("impersonate:serviceaccount", group: authenticationGroup, "serviceaccounts")
    private static let impersonateUser = RelevantRules.question("impersonate:user-info", group: authenticationGroup, "users")
    private static let impersonateGroup = RelevantRules.question("impersonate:user-info", group: authenticationGroup, "groups")
    private static let nodeModes = [("arbitrary-node", "any node"), ("associated-node", "the node its own pod runs on, where any pod may be scheduled")]
        .map { mode, which in (mode: mode, which: which, question: RelevantRules.question("impersonate:\(mode)", group: authenticationGroup, "nodes")) }
    private static let createToken = RelevantRules.question("create", "serviceaccounts/token")

    /// Every constrained impersonation `set` allows.
    func constrainedImpersonation(_ set: CapabilitySet) -> [EscalationEdge] {
        impersonateAccountsConstrained(set) + impersonateUsersConstrained(set) + impersonateNodes(set)
    }

    /// The actions `set` may take while impersonating in `mode`: each rule with an
    /// `impersonate-on:<mode>:<verb>` or `*` verb, as a rule of those verbs, and where it holds.
    private func gates(_ set: CapabilitySet, mode: String) -> [(gate: ImpersonationGate, origin: Capability.Origin)] {
        let prefix = "impersonate-on:\(mode):"
        return set.capabilities.compactMap { capability in
            var rule = capability.rule
            rule.verbs = rule.verbs.compactMap { verb in
                if verb == PolicyRule.all { return verb }
                guard verb.hasPrefix(prefix) else { return nil }
                // `impersonate-on:<mode>:*` matches no request: RBAC has no pattern but `*` itself.
                let action = String(verb.dropFirst(prefix.count))
                return action == PolicyRule.all ? nil : action
            }
            guard !rule.verbs.isEmpty, rule.nonResourceURLs.isEmpty else { return nil }
            return (ImpersonationGate(rule: rule, scope: capability.scope), capability.origin)
        }
    }

    /// `impersonate:serviceaccount` and `impersonate-on:serviceaccount:…` → those accounts, within the actions allowed.
    private func impersonateAccountsConstrained(_ set: CapabilitySet) -> [EscalationEdge] {
        let found = gates(set, mode: "serviceaccount")
        guard !found.isEmpty else { return [] }
        let identities = set.allowing(Self.impersonateAccount, name: nil)
        return identities.flatMap { capability -> [EscalationEdge] in
            let namespaces = capability.scope.namespace.map { [$0] } ?? facts.namespaces
            return namespaces.flatMap { namespace in
                let known = facts.accounts[namespace] ?? ["default"]
                let names = capability.rule.resourceNames.isEmpty ? known : capability.rule.resourceNames.sorted()
                return names.map { name in
                    constrainedEdge(to: Self.account(namespace, name), mode: "serviceaccount", found, identity: capability,
                                    action: "may impersonate service account \(name) in namespace \(namespace) (impersonate:serviceaccount)")
                }
            }
        }
    }

    /// `impersonate:user-info` on users (and groups) and `impersonate-on:user-info:…` → those users,
    /// with those groups but `system:masters`, within the actions allowed.
    private func impersonateUsersConstrained(_ set: CapabilitySet) -> [EscalationEdge] {
        let found = gates(set, mode: "user-info")
        let verb = "impersonate:user-info"
        let userRules = set.allowing(Self.impersonateUser, name: nil, clusterScoped: true)
        guard !found.isEmpty, let userRule = userRules.first else { return [] }
        let groupRules = set.allowing(Self.impersonateGroup, name: nil, clusterScoped: true)
        let everyGroup = facts.bindingsBySubject.keys.filter { $0.kind == .group }.map(\.name)
        let groups = (groupRules.isEmpty ? [] : CapabilitySet.names(groupRules) ?? everyGroup)
            .filter { $0 != RequestUser.privilegedGroup }.sorted()
        let users = (CapabilitySet.names(userRules) ?? facts.userNames).filter { name in
            RequestUser.serviceAccount(userName: name) == nil && !name.hasPrefix(Self.nodeUserPrefix)
        }
        return users.map { user in
            constrainedEdge(to: RequestUser(name: user, sortedGroups: Set(groups + [Subject.authenticatedGroup])), mode: "user-info", found,
                            identity: userRule, extra: groupRules.first,
                            action: "may impersonate user \(user)" + (groups.isEmpty ? "" : " with groups \(groups.joined(separator: ", "))") + " (\(verb), never \(RequestUser.privilegedGroup))")
        }
    }

    static let nodeUserPrefix = "system:node:"

    /// `impersonate:arbitrary-node` (any node) or `impersonate:associated-node` (its own node) on
    /// `nodes`, and `impersonate-on:<mode>:create` of `serviceaccounts/token` → through the Node
    /// authorizer, the API tokens of the pods bound to the node.
    private func impersonateNodes(_ set: CapabilitySet) -> [EscalationEdge] {
        Self.nodeModes.flatMap { mode, which, question -> [EscalationEdge] in
            let verb = "impersonate:\(mode)"
            // associated-node is checked for every node name at once: the API server asks for the name `*`.
            guard let identity = set.allowing(question, name: mode == "associated-node" ? "*" : nil, clusterScoped: true).first
            else { return [] }
            return gates(set, mode: mode).compactMap { gate, origin -> EscalationEdge? in
                guard Capability(rule: gate.rule, scope: gate.scope, origin: origin).allows(Self.createToken, name: nil),
                      gate.scope.namespace.map({ facts.podAccounts[$0] != nil }) ?? !facts.podAccounts.isEmpty
                else { return nil }
                return EscalationEdge(technique: .constrainedImpersonation, target: .podAccounts(namespace: gate.scope.namespace),
                                      action: "may impersonate \(which) (\(verb)) to create API tokens (impersonate-on:\(mode):create serviceaccounts/token) \(gate.scope.description): the Node authorizer gives a node the tokens of the pods bound to it",
                                      origins: [identity.origin, origin])
            }
        }
    }

    /// The edge to `user` impersonated in `mode` within `found`'s actions.
    private func constrainedEdge(to user: RequestUser, mode: String, _ found: [(gate: ImpersonationGate, origin: Capability.Origin)],
                                 identity: Capability, extra: Capability? = nil,
                                 action: @escaping @autoclosure @Sendable () -> String) -> EscalationEdge {
        let gates = found.map(\.gate)
        return EscalationEdge(technique: .constrainedImpersonation, target: .impersonated(user, mode: mode, gates: gates),
                              action: action() + ", and may act as it for \(Set(gates.flatMap(\.rule.verbs)).sorted().joined(separator: ",")) (impersonate-on:\(mode):…)",
                              origins: [identity.origin] + (extra.map { [$0.origin] } ?? []) + found.map(\.origin))
    }
}

/// What an impersonator may do as the identity it impersonates: the actions of one
/// `impersonate-on:<mode>:<verb>` rule (its verbs without the prefix), and where the rule holds.
struct ImpersonationGate: Sendable, Hashable {
    var rule: PolicyRule
    var scope: PermissionScope

    /// The part of `capability` this gate lets through, or nil when none.
    func admit(_ capability: Capability) -> Capability? {
        guard let scope = capability.scope.intersection(scope), let rule = capability.rule.intersection(rule) else { return nil }
        return Capability(rule: rule, answers: RuleAnswers(rule, among: capability.answers), scope: scope, origin: capability.origin,
                          namespacedOnly: capability.namespacedOnly)
    }
}
