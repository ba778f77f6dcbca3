/// The variables every pod-bearing policy starts with: the pod spec wherever the kind keeps it,
/// its containers of every kind, where the spec is (for messages), and whether the namespace's
/// Pod Security label is `privileged` (then Rampart's `pss.*` rules report nothing there).
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

    static let privilegedNamespace = """
        namespaceObject != null && has(namespaceObject.metadata) && has(namespaceObject.metadata.labels) \
        && namespaceObject.metadata.labels[?'pod-security.kubernetes.io/enforce'].orValue('') == 'privileged'
        """

    static let variables: [(name: String, expression: String)] = [
        ("specPath", specPath), ("podSpec", podSpec), ("containers", containers), ("privilegedNamespace", privilegedNamespace),
    ]
}
