import RampartModel

/// A ValidatingAdmissionPolicyBinding (admissionregistration.k8s.io v1 or v1beta1): which policy
/// it binds, to which requests, with which params and actions.
public struct PolicyBinding: Sendable {
    /// How a binding finds its params.
    struct ParamReference: Sendable {
        var name: String?
        var namespace: String?
        var selector: LabelSelector?
        /// `Allow` or `Deny` (the API server requires one; a missing value is read as `Deny`).
        var denyWhenNotFound: Bool

        init(_ node: Node) {
            name = node["name"]?.string
            namespace = node["namespace"]?.string
            selector = node["selector"].map(LabelSelector.init)
            denyWhenNotFound = node["parameterNotFoundAction"]?.string != "Allow"
        }
    }

    public let object: KubeObject
    public var name: String { object.name }
    public let policyName: String
    let paramReference: ParamReference?
    let matchResources: MatchResources
    public let actions: [ValidationAction]
    /// Problems of the binding itself (an unknown validation action), located at their line.
    public let problems: [PolicyProblem]

    init(_ object: KubeObject) {
        self.object = object
        let spec = object.root["spec"]
        policyName = spec?["policyName"]?.string ?? ""
        paramReference = spec?["paramRef"].map(ParamReference.init)
        matchResources = MatchResources(spec?["matchResources"])
        var actions: [ValidationAction] = []
        var problems: [PolicyProblem] = []
        for (index, item) in (spec?["validationActions"]?.items ?? []).enumerated() {
            if let action = item.string.flatMap(ValidationAction.init(rawValue:)) {
                actions.append(action)
            } else {
                problems.append(PolicyProblem(object: object, path: FieldPath("spec.validationActions").appending(index: index),
                                              message: "unknown validation action \(item.string ?? "") (Deny, Warn or Audit)"))
            }
        }
        self.actions = actions.sorted()
        self.problems = problems
    }
}
