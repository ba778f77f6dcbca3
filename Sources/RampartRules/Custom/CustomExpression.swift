import RampartCEL
import RampartModel

/// One CEL expression of a custom rule (a variable, a validation or its message expression),
/// compiled once in the custom rules' environment.
public struct CustomExpression: Sendable {
    public let source: String
    let program: CELProgram
    /// True when the expression reads `tenant`, which only Rampart knows (such rules do not export).
    public let readsTenant: Bool

    /// What a custom rule's expressions may read: the object, its namespace, the params (always null
    /// for now), the rule's variables, and the tenant of the object's namespace (`{name, trust}` or null).
    public static let environment = CELEnvironment(variables: [
        "object": .dyn, "oldObject": .dyn, "namespaceObject": .dyn, "params": .dyn, "variables": .dyn, "tenant": .dyn,
    ])

    /// Compiles `source`; throws `CELCompileError` with the line and column inside the expression.
    public init(_ source: String) throws {
        self.source = source
        program = try CELProgram(source, environment: Self.environment)
        readsTenant = FieldReads.reads("tenant", in: source)
    }

    /// The first field the expression reads from `object` that none of `kinds` has, worded as an
    /// error (`object.spec.replica: Deployment has no such field (did you mean 'replicas'?)`); nil when
    /// every field is known or a kind's schema is not (`KnownObjectFields`).
    public func unknownField(kinds: [String]) -> String? {
        for chain in FieldReads.objectChains(in: source) {
            guard let unknown = KnownObjectFields.unknownField(chain, kinds: kinds) else { continue }
            let hint = unknown.suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "object.\(unknown.path): \(kinds.joined(separator: ", ")) \(kinds.count == 1 ? "has" : "have") no field '\(unknown.field)' there\(hint)"
        }
        return nil
    }

    /// The expression's problem with the cost budget, worded as an error, when its estimate is over
    /// the most the API server accepts for one (`CELCost.estimatedCostLimit`) even on an object whose
    /// strings, lists and maps are all empty (`CELProgram.emptyInputCost`); nil otherwise. Estimates
    /// run two to three times the actual cost of macros, so the runtime budget (ten times smaller)
    /// would refuse expressions that evaluate within it. A cost that only large objects reach is no
    /// error here: evaluating says so, object by object.
    public var costOverBudget: String? {
        guard program.emptyInputCost > CELCost.estimatedCostLimit else { return nil }
        let estimate = program.emptyInputCost == .max ? "an unbounded cost" : "an estimated cost of \(program.emptyInputCost)"
        return "it has \(estimate) even when every string, list and map of the object is empty, over \(CELCost.estimatedCostLimit), the most the API server accepts for an expression's estimate (each evaluation may cost \(CELCost.perCallLimit))"
    }

    /// The value with `bindings`, under the CEL engine's cost budget.
    func evaluate(_ bindings: [String: CELValue]) throws -> CELValue {
        try program.evaluate(bindings)
    }
}
