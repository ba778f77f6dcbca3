import RampartModel

/// `containers.run-as-root-group`: a pod or container that runs with the root group (GID 0) as its
/// primary group, its `fsGroup` or a supplemental group.
public struct ContainersRunAsRootGroup: PodRule {
    public let metadata = RuleMetadata(
        id: "containers.run-as-root-group",
        title: "Container runs with the root group (GID 0)",
        severity: .medium, layer: .container,
        standards: ["NSA/CISA: non-root containers"],
        rationale: """
            Pod Security's `runAsNonRoot` judges the user only. A process in group 0 still reads and \
            writes whatever the root group may: files of the image and of mounted volumes that are \
            group-writable for root, and on a node it escapes to, the host's root-group files.
            """,
        remediation: """
            Set `runAsGroup`, `fsGroup` and `supplementalGroups` to a GID other than 0 (for example \
            the UID's own group, above 10000).
            """)

    public init() {}

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        let podContext = pod.spec["securityContext"]
        let podPath = pod.specPath.appending("securityContext")
        var violations: [Violation] = []
        if podContext?["fsGroup"]?.int == 0 {
            violations.append(Violation(object: pod.object, path: podPath.appending("fsGroup"),
                                        message: "pod sets fsGroup: 0: its volumes belong to the root group"))
        }
        if let index = podContext?["supplementalGroups"]?.items.firstIndex(where: { $0.int == 0 }) {
            violations.append(Violation(object: pod.object, path: podPath.appending("supplementalGroups").appending(index: index),
                                        message: "pod adds the root group (0) to its supplementalGroups"))
        }
        let podGroup = podContext?["runAsGroup"]?.int
        let inRootGroup = pod.containers.filter { ($0.securityContext?["runAsGroup"]?.int ?? podGroup) == 0 }
        if podGroup == 0, inRootGroup.contains(where: { $0.securityContext?["runAsGroup"] == nil }) {
            violations.append(Violation(object: pod.object, path: podPath.appending("runAsGroup"),
                                        message: "pod sets runAsGroup: 0 for the containers that set none"))
        }
        for container in inRootGroup where container.securityContext?["runAsGroup"] != nil {
            violations.append(Violation(object: pod.object, path: container.path.appending("securityContext").appending("runAsGroup"),
                                        message: "\(container.label) sets runAsGroup: 0"))
        }
        return violations
    }
}
