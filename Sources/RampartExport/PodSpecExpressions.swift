import RampartPSS

/// The variables every pod-bearing policy starts with: the pod spec and metadata wherever the kind
/// keeps them, its containers of every kind, where the spec is (for messages), whether the namespace
/// is the platform's, and the Pod Security level and version Rampart judges the pod at (see
/// `PodSecurityAnalysis`).
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

    /// The pod template (a Pod is its own template): its `spec` and `metadata` are the pod's.
    static let template = """
        object.kind == 'Pod' ? object : \
        object.kind == 'PodTemplate' ? \(CELFields.field("object", "template")) : \
        object.kind == 'CronJob' ? \(CELFields.field("object", "spec.jobTemplate.spec.template")) : \
        \(CELFields.field("object", "spec.template"))
        """

    /// The pod spec; null when the object has none (Rampart judges no pod there, and no policy denies).
    static let podSpec = "type(\(CELFields.field("variables.template", "spec"))) == map ? variables.template.spec : null"

    static let podMetadata = "type(\(CELFields.field("variables.template", "metadata"))) == map ? variables.template.metadata : {}"

    /// The pod-level security context, or an empty one.
    static let podSecurityContext = """
        type(\(CELFields.field("variables.podSpec", "securityContext"))) == map ? variables.podSpec.securityContext : {}
        """

    static let containers = ["initContainers", "containers", "ephemeralContainers"]
        .map { CELFields.list("variables.podSpec", $0) }.joined(separator: " + ")

    /// The namespace the object is created in (`default` when the request names none).
    static let namespace = "request.namespace != '' ? request.namespace : 'default'"

    /// True in the platform's namespaces: the rules about tenants skip them.
    static func platformNamespace(_ platform: Set<String>) -> String {
        "(\(namespace)) in \(CELFields.strings(platform.sorted()))"
    }

    /// The labels of the namespace, when the API server gives its object.
    static let namespaceLabels = """
        namespaceObject != null && has(namespaceObject.metadata) && has(namespaceObject.metadata.labels) \
        && type(namespaceObject.metadata.labels) == map ? namespaceObject.metadata.labels : {}
        """

    static let enforceLabel = "'\(NamespacePolicy.enforceLabel)'"
    static let enforceVersionLabel = "'\(NamespacePolicy.enforceLabel)-version'"

    /// The Pod Security level Rampart judges the pod at: the namespace's enforce label (an invalid
    /// level is `restricted`); without one, `baseline` in the platform's namespaces and `restricted`
    /// in the tenants'.
    static let podSecurityLevel = """
        \(enforceLabel) in variables.namespaceLabels \
        ? (variables.namespaceLabels[\(enforceLabel)] in ['privileged', 'baseline'] \
        ? variables.namespaceLabels[\(enforceLabel)] : 'restricted') \
        : (variables.platformNamespace ? 'baseline' : 'restricted')
        """

    /// The minor of the Pod Security policy version: the enforce label's `-version` when the enforce
    /// label is set and the version is valid (`v1.MINOR`, no leading zero), capped at the newest
    /// version this build knows, which `latest`, an invalid version and no label all mean.
    static var podSecurityMinor: String {
        guard case .v1(let newest) = PodSecurity.newestVersion else { return "0" }
        let version = "variables.namespaceLabels[\(enforceVersionLabel)]"
        return """
            \(enforceLabel) in variables.namespaceLabels && \(enforceVersionLabel) in variables.namespaceLabels \
            && type(\(version)) == string && \(version).matches('^v1\\\\.(0|[1-9][0-9]{0,8})$') \
            ? (int(\(version).substring(3)) < \(newest) ? int(\(version).substring(3)) : \(newest)) : \(newest)
            """
    }

    /// The variables that `expressions` read, directly or through other variables, in declaration
    /// order: a policy declares only those (each one costs compilation, and its evaluation here).
    static func variables(platform: Set<String>, readBy expressions: [String]) -> [(name: String, expression: String)] {
        let all = variables(platform: platform)
        var read: Set<String> = []
        var pending = expressions
        while let text = pending.popLast() {
            for variable in all where !read.contains(variable.name) && reads(text, variable.name) {
                read.insert(variable.name)
                pending.append(variable.expression)
            }
        }
        return all.filter { read.contains($0.name) }
    }

    /// True when `text` reads `variables.NAME` (and not a longer name that starts with it).
    private static func reads(_ text: String, _ name: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: "variables." + name) {
            rest = rest[range.upperBound...]
            guard let next = rest.first, next.isLetter || next.isNumber || next == "_" else { return true }
        }
        return false
    }

    private static func variables(platform: Set<String>) -> [(name: String, expression: String)] {
        [("specPath", specPath), ("template", template), ("podSpec", podSpec), ("podMetadata", podMetadata),
         ("podSecurityContext", podSecurityContext), ("containers", containers),
         ("platformNamespace", platformNamespace(platform)), ("namespaceLabels", namespaceLabels),
         ("podSecurityLevel", podSecurityLevel), ("podSecurityMinor", podSecurityMinor)]
    }
}
