import RampartModel

/// `matchConstraints` of a policy, or `matchResources` of a binding: which requests it covers, by
/// resource rules, exclusions, namespace selector and object selector, as the API server's policy
/// matcher decides.
struct MatchResources: Sendable {
    var resourceRules: [ResourceRule]
    var excludeResourceRules: [ResourceRule]
    var namespaceSelector: LabelSelector
    var objectSelector: LabelSelector
    /// `Equivalent` (the default) or `Exact`.
    var matchPolicy: String

    /// Matches every request: a binding without `matchResources`.
    static let everything = MatchResources(resourceRules: [], excludeResourceRules: [],
                                           namespaceSelector: LabelSelector(), objectSelector: LabelSelector(),
                                           matchPolicy: "Equivalent")

    init(resourceRules: [ResourceRule], excludeResourceRules: [ResourceRule], namespaceSelector: LabelSelector,
         objectSelector: LabelSelector, matchPolicy: String) {
        self.resourceRules = resourceRules
        self.excludeResourceRules = excludeResourceRules
        self.namespaceSelector = namespaceSelector
        self.objectSelector = objectSelector
        self.matchPolicy = matchPolicy
    }

    init(_ node: Node?) {
        guard let node else {
            self = .everything
            return
        }
        resourceRules = node["resourceRules"]?.items.map(ResourceRule.init) ?? []
        excludeResourceRules = node["excludeResourceRules"]?.items.map(ResourceRule.init) ?? []
        namespaceSelector = node["namespaceSelector"].map(LabelSelector.init) ?? LabelSelector()
        objectSelector = node["objectSelector"].map(LabelSelector.init) ?? LabelSelector()
        matchPolicy = node["matchPolicy"]?.string ?? "Equivalent"
    }

    /// True when the request is covered. `namespaceLabels` are the labels of the request's
    /// namespace (of the Namespace itself when the request is about one).
    /// A binding's `matchResources` without resource rules matches every resource its policy does.
    func matches(_ request: AdmissionAttributes, namespaceLabels: [String: String]) -> Bool {
        let equivalent = matchPolicy != "Exact"
        if excludeResourceRules.contains(where: { $0.matches(request, equivalentVersions: equivalent) }) { return false }
        if !resourceRules.isEmpty, !resourceRules.contains(where: { $0.matches(request, equivalentVersions: equivalent) }) {
            return false
        }
        let selectsByNamespace = request.namespace != nil || (request.kind == "Namespace" && request.group.isEmpty)
        if selectsByNamespace, !namespaceSelector.matches(namespaceLabels) { return false }
        let labels = [request.object?.labels, request.oldObject?.labels].compactMap { $0 }
        return labels.contains(where: objectSelector.matches)
    }
}
