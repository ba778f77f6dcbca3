/// The techniques that reach service accounts: running pods as them, impersonating them, minting or
/// reading their tokens, and taking the tokens of running pods.
extension EscalationGraph {
    /// Every technique's edges, accounts first, then RBAC and impersonation of users and groups.
    func techniques(_ set: CapabilitySet) -> [EscalationEdge] {
        createWorkloads(set) + impersonateAccounts(set) + createTokens(set) + readTokenSecrets(set) + mintTokenSecrets(set)
            + execInPods(set) + nodesProxy(set) + bind(set) + escalate(set) + impersonateUsers(set)
            + argoApplications(set) + controllerDeputies(set) + approveCertificates(set) + relabelNamespaces(set) + escapeToNodes(set)
            + constrainedImpersonation(set)
    }

    private static let workloadQuestions: [(group: String, questions: [CapabilitySet.Question])] = [
        ("", CapabilitySet.questions(["create"], ["pods"])),
        ("", CapabilitySet.questions(["create", "update", "patch"], ["replicationcontrollers"])),
        ("apps", CapabilitySet.questions(["create", "update", "patch"], group: "apps", ["deployments", "replicasets", "statefulsets", "daemonsets"])),
        ("batch", CapabilitySet.questions(["create", "update", "patch"], group: "batch", ["jobs", "cronjobs"])),
    ]
    private static let execQuestions = CapabilitySet.questions(["create"], ["pods/exec", "pods/attach"])
        + CapabilitySet.questions(["update", "patch"], ["pods/ephemeralcontainers"])
    private static let proxyQuestions = CapabilitySet.questions(["create", "get"], ["nodes/proxy"])
    private static let impersonateAccount = RelevantRules.question("impersonate", "serviceaccounts")
    private static let createToken = RelevantRules.question("create", "serviceaccounts/token")
    private static let createSecret = RelevantRules.question("create", "secrets")
    private static let secretReads = ["get", "list", "watch"].map { (verb: $0, question: RelevantRules.question($0, "secrets")) }

    /// Pods and workloads in a namespace → any service account of that namespace.
    func createWorkloads(_ set: CapabilitySet) -> [EscalationEdge] {
        Self.workloadQuestions.flatMap { group, questions in
            set.allowing(any: questions).map { capability, permission in
                EscalationEdge(technique: .createWorkloads, target: .anyAccount(namespace: capability.scope.namespace),
                               action: "may \(permission)\(group.isEmpty ? "" : " (\(group))") \(capability.scope.description) (a pod runs as any service account of its namespace)",
                               origins: [capability.origin])
            }
        }
    }

    /// `impersonate serviceaccounts` → those accounts.
    func impersonateAccounts(_ set: CapabilitySet) -> [EscalationEdge] {
        accountEdges(set.allowing(Self.impersonateAccount, name: nil), technique: .impersonate,
                     action: "may impersonate")
    }

    /// `create serviceaccounts/token` → those accounts.
    func createTokens(_ set: CapabilitySet) -> [EscalationEdge] {
        accountEdges(set.allowing(Self.createToken, name: nil), technique: .createToken,
                     action: "may create API tokens (serviceaccounts/token) of")
    }

    /// Edges to the accounts each capability names (`resourceNames`), or to any account of its scope.
    private func accountEdges(_ capabilities: [Capability], technique: EscalationTechnique, action: String) -> [EscalationEdge] {
        capabilities.flatMap { capability -> [EscalationEdge] in
            let names = capability.rule.resourceNames
            guard !names.isEmpty else {
                return [EscalationEdge(technique: technique, target: .anyAccount(namespace: capability.scope.namespace),
                                       action: "\(action) any service account \(capability.scope.description)", origins: [capability.origin])]
            }
            let namespaces = capability.scope.namespace.map { [$0] } ?? facts.namespaces
            return namespaces.flatMap { namespace in
                names.sorted().filter { capability.scope.namespace != nil || facts.accounts[namespace]?.contains($0) == true }.map { name in
                    EscalationEdge(technique: technique, target: .identity(Self.account(namespace, name)),
                                   action: "\(action) service account \(name) \(capability.scope.description)", origins: [capability.origin])
                }
            }
        }
    }

    /// `get` of a legacy token Secret, or `list`/`watch` of Secrets where one is → its account.
    func readTokenSecrets(_ set: CapabilitySet) -> [EscalationEdge] {
        let readers = CapabilitySet(capabilities: Self.secretReads.flatMap { set.allowing($0.question, name: nil) })
        guard !readers.capabilities.isEmpty else { return [] }
        return facts.tokenSecrets.keys.sorted().flatMap { namespace in
            (facts.tokenSecrets[namespace] ?? []).compactMap { token -> EscalationEdge? in
                for (verb, question) in Self.secretReads {
                    let name = verb == "get" ? token.secret : ""
                    let found = readers.capabilities.first { $0.allows(question, name: name) && $0.scope.covers(namespace) }
                    guard let capability = found else { continue }
                    return EscalationEdge(technique: .readTokenSecret, target: .identity(Self.account(namespace, token.account)),
                                          action: "may \(verb) Secret \(namespace)/\(token.secret), the legacy API token of service account \(token.account)",
                                          origins: [capability.origin])
                }
                return nil
            }
        }
    }

    /// `create` and `get` of Secrets → any account of the namespace (the token controller fills in
    /// a new `kubernetes.io/service-account-token` Secret annotated with the account's name).
    func mintTokenSecrets(_ set: CapabilitySet) -> [EscalationEdge] {
        let readers = set.allowing(Self.secretReads[0].question)
        return set.allowing(Self.createSecret).flatMap { creator in
            readers.compactMap { reader -> EscalationEdge? in
                guard let scope = creator.scope.intersection(reader.scope) else { return nil }
                return EscalationEdge(technique: .mintTokenSecret, target: .anyAccount(namespace: scope.namespace),
                                      action: "may create and read Secrets \(scope.description): the token controller fills a new Secret of type \(ClusterFacts.tokenSecretType) with the API token of the service account it names",
                                      origins: [creator.origin, reader.origin])
            }
        }
    }

    /// `pods/exec`, `pods/attach`, ephemeral containers → the tokens the pods of the namespace mount.
    func execInPods(_ set: CapabilitySet) -> [EscalationEdge] {
        set.allowing(any: Self.execQuestions).compactMap { capability, permission in
                let namespace = capability.scope.namespace
                guard namespace.map({ facts.podAccounts[$0] != nil }) ?? !facts.podAccounts.isEmpty else { return nil }
                return EscalationEdge(technique: .execInPods, target: .podAccounts(namespace: namespace),
                                      action: "may \(permission) \(capability.scope.description), and read the API token a running pod mounts",
                                      origins: [capability.origin])
            }
    }

    /// `nodes/proxy` (cluster-wide) → the tokens every pod mounts: the kubelet API runs commands in any pod.
    func nodesProxy(_ set: CapabilitySet) -> [EscalationEdge] {
        guard !facts.podAccounts.isEmpty else { return [] }
        return set.allowing(any: Self.proxyQuestions).filter { $0.capability.scope == .cluster }.map { capability, permission in
            EscalationEdge(technique: .nodesProxy, target: .podAccounts(namespace: nil),
                           action: "may \(permission) cluster-wide: through the kubelet API it runs commands in any pod on any node (GET suffices over WebSocket)",
                           origins: [capability.origin])
        }
    }
}
