/// The techniques on namespaces themselves: rewriting their labels (an update or patch of the
/// namespace, or of its `status` and `finalize` subresources, whose writes carry metadata too), and
/// taking a node with a privileged pod where Pod Security lets one in, or once its labels are rewritten.
extension EscalationGraph {
    private static let relabelQuestions = CapabilitySet.questions(NamespaceRelabelling.verbs, NamespaceRelabelling.resources)
    static let workloadCreation = CapabilitySet.questions(["create"], ["pods"])
        + CapabilitySet.questions(["create", "update", "patch"], group: "apps", ["deployments", "daemonsets", "statefulsets"])
        + CapabilitySet.questions(["create", "update", "patch"], group: "batch", ["jobs", "cronjobs"])

    /// The namespaces whose labels a capability rewrites (nil: every namespace), with the permission used.
    /// A namespace request's namespace is the namespace's name, so a RoleBinding's grant holds on its own namespace.
    private func relabelled(_ set: CapabilitySet) -> [(capability: Capability, permission: String, namespace: String?)] {
        set.capabilities.flatMap { capability -> [(Capability, String, String?)] in
            guard !capability.namespacedOnly,
                  let question = Self.relabelQuestions.first(where: { capability.allows($0.question, name: nil) }) else { return [] }
            guard let names = NamespaceRelabelling.namespaces(of: capability.rule, bindingNamespace: capability.scope.namespace) else {
                return [(capability, question.label, nil)]
            }
            return names.sorted().map { (capability, question.label, $0) }
        }
    }

    /// `update`/`patch` of a namespace or its `status`/`finalize` → control of its labels.
    func relabelNamespaces(_ set: CapabilitySet) -> [EscalationEdge] {
        relabelled(set).map { capability, permission, namespace in
            EscalationEdge(technique: .relabelNamespace, target: .relabel(namespace: namespace),
                           action: "may \(permission) (\(namespace.map { "namespace \($0)" } ?? "every namespace")): the write rewrites its labels (Pod Security level, tenant label, the labels namespace selectors of NetworkPolicies and admission bindings match), moves it out of its tenant and into any tenant whose membership is a label",
                           origins: [capability.origin])
        }
    }

    /// Creating pods where Pod Security allows privileged ones, or where it also rewrites the namespace's
    /// labels to `enforce: privileged` → the node the pod lands on.
    func escapeToNodes(_ set: CapabilitySet) -> [EscalationEdge] {
        let creators = set.allowing(any: Self.workloadCreation)
        guard !creators.isEmpty else { return [] }
        for (creator, permission) in creators {
            let covered = creator.scope.namespace.map { [$0] } ?? facts.namespaces
            if let open = covered.first(where: facts.privilegedNamespaces.contains) {
                return [EscalationEdge(technique: .escapeToNode, target: .nodes,
                                       action: "may \(permission) in namespace \(open), whose Pod Security admission lets privileged pods in: a privileged pod with the host's PID namespace and root filesystem takes over its node",
                                       origins: [creator.origin])]
            }
        }
        for (labeller, _, namespace) in relabelled(set) {
            for (creator, permission) in creators {
                let both: String? = if let namespace { creator.scope.covers(namespace) ? namespace : nil }
                    else { creator.scope.namespace ?? facts.namespaces.first }
                guard let target = both else { continue }
                return [EscalationEdge(technique: .escapeToNode, target: .nodes,
                                       action: "may relabel namespace \(target) with \(ClusterFacts.enforceLabel)=privileged and \(permission) there: a privileged pod takes over its node",
                                       origins: [labeller.origin, creator.origin])]
            }
        }
        return []
    }
}
