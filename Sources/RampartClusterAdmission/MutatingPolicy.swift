import RampartModel

/// A MutatingAdmissionPolicy (admissionregistration.k8s.io v1, v1beta1 or v1alpha1) with its
/// expressions compiled once: what it matches (shared with validating policies) and its mutations.
public struct MutatingPolicy: Sendable {
    /// How a mutation's expression patches the object.
    enum PatchType: String, Sendable {
        /// An `Object{...}` merged into the object as server-side apply merges it.
        case applyConfiguration = "ApplyConfiguration"
        /// A list of `JSONPatch{op, path, value, from}` applied as RFC 6902 says.
        case jsonPatch = "JSONPatch"
    }

    /// One mutation: its patch type and expression.
    struct Mutation: Sendable {
        var patchType: PatchType
        var expression: PolicyExpression
    }

    public let object: KubeObject
    public var name: String { object.name }
    /// Failure policy, params kind, match constraints and conditions, variables.
    let preamble: PolicyPreamble
    let mutations: [Mutation]
    /// `Never` or `IfNeeded`; Rampart applies every policy once either way.
    public let reinvocationPolicy: String
    /// Mutations with an unknown patch type or without an expression, at their line.
    private let shapeProblems: [PolicyProblem]

    init(_ object: KubeObject) {
        self.object = object
        let spec = object.root["spec"]
        preamble = PolicyPreamble(spec)
        reinvocationPolicy = spec?["reinvocationPolicy"]?.string ?? "Never"
        var mutations: [Mutation] = []
        var problems: [PolicyProblem] = []
        for (node, path) in PolicyPreamble.items(spec, "mutations") {
            let written = node["patchType"]?.string ?? ""
            guard let patchType = PatchType(rawValue: written) else {
                problems.append(PolicyProblem(object: object, path: path.appending("patchType"),
                                              message: "unknown patch type \(written) (ApplyConfiguration or JSONPatch)"))
                continue
            }
            let field = patchType == .applyConfiguration ? "applyConfiguration" : "jsonPatch"
            guard let expression = node[field]?["expression"] else {
                problems.append(PolicyProblem(object: object, path: path,
                                              message: "patch type \(written) needs \(field).expression"))
                continue
            }
            mutations.append(Mutation(patchType: patchType,
                                      expression: PolicyExpression(expression, at: path.appending(field).appending("expression"))))
        }
        self.mutations = mutations
        shapeProblems = problems
    }

    /// Every expression that does not compile and every malformed mutation, at its line.
    public var problems: [PolicyProblem] {
        shapeProblems + PolicyPreamble.problems(of: preamble.expressions + mutations.map(\.expression), in: object)
    }
}
