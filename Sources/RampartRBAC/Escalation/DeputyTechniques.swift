/// Confused deputies: a controller with more power than the tenant that acts on objects the tenant
/// creates. Each is "create X in namespace N ⇒ act as the controller, within its limits".
extension EscalationGraph {
    private static let writes = ["create", "update", "patch"]

    /// Argo CD Applications in a namespace an AppProject accepts → what the project lets the
    /// application controller deploy: every namespaced permission in its destination namespaces,
    /// cluster-admin when it admits cluster-scoped RBAC objects.
    func argoApplications(_ set: CapabilitySet) -> [EscalationEdge] {
        let questions = CapabilitySet.questions(Self.writes, group: DeputyFacts.argoGroup, ["applications"])
        return set.allowing(any: questions).flatMap { capability, permission -> [EscalationEdge] in
            facts.deputies.projects.flatMap { project -> [EscalationEdge] in
                let sources = project.sources.flatMap { pattern in
                    capability.scope.namespace.map { NamespaceGlob.matches(pattern, $0) ? [$0] : [] }
                        ?? facts.namespaces.filter { NamespaceGlob.matches(pattern, $0) }
                }
                guard let source = sources.first else { return [] }
                let action = { @Sendable in
                    "may \(permission) (argoproj.io) in namespace \(source), whose Applications AppProject \(project.name) accepts: the Argo CD application controller deploys them"
                }
                if project.clusterResources {
                    return [EscalationEdge(technique: .argoApplication, target: .clusterAdmin,
                                           action: action() + ", and the project admits cluster-scoped RBAC objects (a ClusterRoleBinding to cluster-admin)",
                                           origins: [capability.origin])]
                }
                return destinations(project).map { scope in
                    EscalationEdge(technique: .argoApplication, target: .deployer(scope),
                                   action: action() + " \(scope.description) (a destination of the project)", origins: [capability.origin])
                }
            }
        }
    }

    /// The scopes an AppProject's destinations cover: every namespace for `*`, else the known namespaces that match.
    private func destinations(_ project: DeputyFacts.Project) -> [PermissionScope] {
        if project.destinations.contains("*") { return [.everyNamespace] }
        return facts.namespaces.filter { namespace in project.destinations.contains { NamespaceGlob.matches($0, namespace) } }
            .map(PermissionScope.namespace)
    }

    /// Objects a controller applies as itself (Flux without `serviceAccountName`, Capsule
    /// TenantResources) → the controller's service account.
    func controllerDeputies(_ set: CapabilitySet) -> [EscalationEdge] {
        facts.deputies.controllers.flatMap { controller in
            let questions = CapabilitySet.questions(Self.writes, group: controller.group, [controller.resource])
            return set.allowing(any: questions).prefix(1).map { capability, permission in
                EscalationEdge(technique: .controllerDeputy, target: .identity(controller.account),
                               action: "may \(permission) (\(controller.group)) \(capability.scope.description): \(controller.reason)",
                               origins: [capability.origin])
            }
        }
    }
}
