/// Confused deputies: a controller with more power than the tenant that acts on objects the tenant
/// creates. Each is "create X in namespace N ⇒ act as the controller, within its limits".
extension EscalationGraph {
    private static let writes = ["create", "update", "patch"]
    private static let applicationWrites = CapabilitySet.questions(writes, group: DeputyFacts.argoGroup, ["applications"])

    /// Argo CD Applications in a namespace an AppProject accepts → what the project lets the
    /// application controller deploy: every namespaced permission in its destination namespaces,
    /// cluster-admin when it admits cluster-scoped RBAC objects.
    func argoApplications(_ set: CapabilitySet) -> [EscalationEdge] {
        set.allowing(any: Self.applicationWrites).flatMap { capability, permission -> [EscalationEdge] in
            facts.argoProjects.flatMap { reach -> [EscalationEdge] in
                let project = reach.project
                let source: String?
                if let namespace = capability.scope.namespace {
                    source = project.sources.contains { NamespaceGlob.matches($0, namespace) } ? namespace : nil
                } else {
                    source = reach.anySource
                }
                guard let source else { return [] }
                let action = { @Sendable in
                    "may \(permission) (argoproj.io) in namespace \(source), whose Applications AppProject \(project.name) accepts: the Argo CD application controller deploys them"
                }
                if project.clusterResources {
                    return [EscalationEdge(technique: .argoApplication, target: .clusterAdmin,
                                           action: action() + ", and the project admits cluster-scoped RBAC objects (a ClusterRoleBinding to cluster-admin)",
                                           origins: [capability.origin])]
                }
                return reach.destinations.map { scope in
                    EscalationEdge(technique: .argoApplication, target: .deployer(scope),
                                   action: action() + " \(scope.description) (a destination of the project)", origins: [capability.origin])
                }
            }
        }
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

/// An Argo CD AppProject and what its globs match among the known namespaces, worked out once
/// rather than for every node that may create Applications.
struct ArgoProjectReach: Sendable {
    var project: DeputyFacts.Project
    /// Where a grant in every namespace creates Applications the project accepts: the first namespace
    /// of `namespaces` matching its first source pattern that matches any; nil when none does.
    var anySource: String?
    /// The scopes its destinations cover: every namespace for `*`, else the known namespaces that match.
    var destinations: [PermissionScope]

    init(_ project: DeputyFacts.Project, namespaces: [String]) {
        self.project = project
        anySource = project.sources.lazy.compactMap { pattern in namespaces.first { NamespaceGlob.matches(pattern, $0) } }.first
        destinations = project.destinations.contains("*") ? [.everyNamespace]
            : namespaces.filter { namespace in project.destinations.contains { NamespaceGlob.matches($0, namespace) } }
                .map(PermissionScope.namespace)
    }
}
