import RampartRules

/// The container hardening rules in CEL.
enum ContainerPolicies {
    private static let field = CELFields.field
    private static let podContext = "variables.podSecurityContext"

    static func validation(for rule: any Rule) -> PodValidation? {
        switch rule {
        case is ContainersReadOnlyRootFilesystem: readOnlyRootFilesystem
        case is ContainersRunAsRootGroup: runAsRootGroup
        default: nil
        }
    }

    /// `containers.read-only-root-filesystem`: in tenant namespaces, every init and regular
    /// container sets `readOnlyRootFilesystem: true`.
    static let readOnlyRootFilesystem = PodValidation.containers(
        failing: "\(field("c", "securityContext.readOnlyRootFilesystem")) != true",
        in: ["initContainers", "containers"].map { CELFields.list("variables.podSpec", $0) }.joined(separator: " + "),
        field: "containers[].securityContext.readOnlyRootFilesystem", problem: "must set readOnlyRootFilesystem: true")
        .when("!variables.platformNamespace")

    /// `containers.run-as-root-group`: no `fsGroup: 0`, no supplemental group 0, and no container
    /// whose group (its own `runAsGroup`, else the pod's) is 0.
    static let runAsRootGroup = PodValidation.podOrContainers(
        pod: "\(field(podContext, "fsGroup")) == 0 || \(CELFields.list(podContext, "supplementalGroups")).exists(g, g == 0)",
        containers: """
            (type(\(field("c", "securityContext.runAsGroup"))) == int ? c.securityContext.runAsGroup \
            : \(field(podContext, "runAsGroup"))) == 0
            """,
        field: "securityContext.runAsGroup|fsGroup|supplementalGroups", problem: "run with the root group (GID 0)")
}
