/// The variables every pod-bearing policy starts with: the pod spec wherever the kind keeps it,
/// its containers of every kind, where the spec is (for messages), and the Pod Security level
/// Rampart judges the pod at (see `PodSecurityAnalysis`).
enum PodSpecExpressions {
    /// Pod-bearing kinds by API group, as plural resources.
    static let resources: [ExportedPolicy.Resources] = [
        .init(groups: [""], resources: ["pods", "podtemplates", "replicationcontrollers"]),
        .init(groups: ["apps", "extensions"], resources: ["deployments", "replicasets", "statefulsets", "daemonsets"]),
        .init(groups: ["batch"], resources: ["jobs", "cronjobs"]),
    ]

    static let specPath = """
        object.kind == 'Pod' ? 'spec' : object.kind == 'PodTemplate' ? 'template.spec' : \
        object.kind == 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec'
        """

    static let podSpec = """
        object.kind == 'Pod' ? (has(object.spec) ? object.spec : {}) : \
        object.kind == 'PodTemplate' ? (has(object.template) && has(object.template.spec) ? object.template.spec : {}) : \
        object.kind == 'CronJob' ? (has(object.spec) && has(object.spec.jobTemplate) && has(object.spec.jobTemplate.spec) \
        && has(object.spec.jobTemplate.spec.template) && has(object.spec.jobTemplate.spec.template.spec) \
        ? object.spec.jobTemplate.spec.template.spec : {}) : \
        (has(object.spec) && has(object.spec.template) && has(object.spec.template.spec) ? object.spec.template.spec : {})
        """

    static let containers = """
        (has(variables.podSpec.initContainers) ? variables.podSpec.initContainers : []) + \
        (has(variables.podSpec.containers) ? variables.podSpec.containers : []) + \
        (has(variables.podSpec.ephemeralContainers) ? variables.podSpec.ephemeralContainers : [])
        """

    /// The Pod Security level Rampart judges the pod at: the namespace's enforce label (an invalid
    /// level is `restricted`); without one, `baseline` in the platform's namespaces and `restricted`
    /// in the tenants'.
    static func podSecurityLevel(platform: Set<String>) -> String {
        let names = platform.sorted().map { "'\($0)'" }.joined(separator: ", ")
        return """
            namespaceObject != null && has(namespaceObject.metadata) && has(namespaceObject.metadata.labels) \
            && 'pod-security.kubernetes.io/enforce' in namespaceObject.metadata.labels \
            ? (namespaceObject.metadata.labels['pod-security.kubernetes.io/enforce'] in ['privileged', 'baseline'] \
            ? namespaceObject.metadata.labels['pod-security.kubernetes.io/enforce'] : 'restricted') \
            : ((request.namespace != '' ? request.namespace : 'default') in [\(names)] ? 'baseline' : 'restricted')
            """
    }

    static func variables(platform: Set<String>) -> [(name: String, expression: String)] {
        [("specPath", specPath), ("podSpec", podSpec), ("containers", containers),
         ("podSecurityLevel", podSecurityLevel(platform: platform))]
    }
}
