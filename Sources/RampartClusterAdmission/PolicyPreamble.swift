import RampartCEL
import RampartModel

/// What validating and mutating admission policies share, read from their `spec`: failure policy,
/// params kind, match constraints, match conditions and variables (compiled once), with how the
/// API server evaluates the conditions and variables before a policy's own expressions.
struct PolicyPreamble: Sendable {
    /// A named expression: a match condition or a variable.
    struct Named: Sendable {
        var name: String
        var expression: PolicyExpression
    }

    let failurePolicy: FailurePolicy
    /// `apiVersion` and `kind` of the params, when the policy takes any.
    let paramKind: (apiVersion: String, kind: String)?
    let constraints: MatchResources
    let matchConditions: [Named]
    let variables: [Named]

    init(_ spec: Node?) {
        failurePolicy = spec?["failurePolicy"]?.string.flatMap(FailurePolicy.init(rawValue:)) ?? .fail
        paramKind = spec?["paramKind"].flatMap { node in
            node["kind"]?.string.map { (apiVersion: node["apiVersion"]?.string ?? "", kind: $0) }
        }
        constraints = MatchResources(spec?["matchConstraints"])
        matchConditions = Self.named(spec, "matchConditions")
        variables = Self.named(spec, "variables")
    }

    /// The items of the list `spec.KEY`, each with its path.
    static func items(_ spec: Node?, _ key: String) -> [(Node, FieldPath)] {
        (spec?[key]?.items ?? []).enumerated().map { ($1, FieldPath("spec").appending(key).appending(index: $0)) }
    }

    private static func named(_ spec: Node?, _ key: String) -> [Named] {
        items(spec, key).compactMap { node, path in
            node["expression"].map {
                Named(name: node["name"]?.string ?? "", expression: PolicyExpression($0, at: path.appending("expression")))
            }
        }
    }

    /// The match conditions' and variables' expressions (for compile problems).
    var expressions: [PolicyExpression] { matchConditions.map(\.expression) + variables.map(\.expression) }

    /// Every expression of `expressions` that does not compile, at its line, in the API server's words.
    static func problems(of expressions: [PolicyExpression], in object: KubeObject) -> [PolicyProblem] {
        expressions.compactMap { expression in
            guard case .failure(let error) = expression.program else { return nil }
            return PolicyProblem(object: object, path: expression.path,
                                 message: "expression `\(expression.source)` does not compile: \(error)")
        }
    }

    /// Whether every match condition holds; a condition that fails to evaluate is a failure.
    func conditionsHold(_ bindings: [String: CELValue]) -> Result<Bool, ExpressionFailure> {
        for condition in matchConditions {
            switch condition.expression.evaluate(bindings) {
            case .success(.bool(true)): continue
            case .success(.bool(false)): return .success(false)
            case .success(let other):
                return .failure(ExpressionFailure(expression: condition.expression.source,
                                                  message: "match condition \(condition.name) must return a bool, got \(other.celType)"))
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success(true)
    }

    /// Variables in order (each may read the ones before). One that fails is left out, so only
    /// expressions that reach it fail, with its failure.
    func evaluateVariables(_ bindings: [String: CELValue]) -> ([(String, CELValue)], [String: ExpressionFailure]) {
        var values: [(String, CELValue)] = []
        var failures: [String: ExpressionFailure] = [:]
        var bindings = bindings
        for variable in variables {
            bindings["variables"] = .map(CELMap(stringKeys: values))
            switch variable.expression.evaluate(bindings) {
            case .success(let value): values.append((variable.name, value))
            case .failure(let failure): failures[variable.name] = failure
            }
        }
        return (values, failures)
    }
}
