import RampartCEL
import RampartModel

/// One CEL expression of a policy (a validation, a match condition, a variable, a message
/// expression, an audit annotation), compiled once in the admission environment, with the line it
/// is written on.
struct PolicyExpression: Sendable {
    let source: String
    /// The field that holds the expression.
    let path: FieldPath
    let program: Result<CELProgram, CELCompileError>

    /// The variables every admission expression may read, as the API server declares them
    /// (objects are schemaless here, so `dyn`).
    static let environment = CELEnvironment(variables: [
        "object": .dyn, "oldObject": .dyn, "params": .dyn, "request": .dyn, "namespaceObject": .dyn,
        "variables": .dyn, "authorizer": .kubernetesAuthorizer, "authorizer.requestResource": .kubernetesResourceCheck,
    ])

    init(_ node: Node, at path: FieldPath) {
        source = node.string ?? ""
        self.path = path
        do {
            program = .success(try CELProgram(source, environment: Self.environment))
        } catch let error as CELCompileError {
            program = .failure(error)
        } catch {
            program = .failure(CELCompileError(message: "\(error)", line: 1, column: 1))
        }
    }

    /// The names of `variables.NAME` this expression reads (a textual scan: a variable that failed
    /// to evaluate is left out of the activation, so only expressions that reach it fail).
    var variableReferences: Set<String> {
        var names: Set<String> = []
        var rest = source[...]
        while let range = rest.range(of: "variables.") {
            let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { names.insert(String(name)) }
            rest = rest[range.upperBound...]
        }
        return names
    }

    /// Evaluates with `bindings`; a compile error is returned as the failure it is.
    func evaluate(_ bindings: [String: CELValue]) -> Result<CELValue, ExpressionFailure> {
        switch program {
        case .failure(let error):
            return .failure(ExpressionFailure(expression: source, message: "compilation failed: \(error)"))
        case .success(let program):
            do {
                return .success(try program.evaluate(bindings))
            } catch {
                return .failure(ExpressionFailure(expression: source, message: "\(error)"))
            }
        }
    }
}

/// An expression that could not be compiled or evaluated, worded as the API server words it.
struct ExpressionFailure: Error, Sendable {
    var expression: String
    var message: String

    /// A failure outside any expression (params that cannot be found) is its message alone.
    var description: String {
        expression.isEmpty ? message : "expression '\(expression)' resulted in error: \(message)"
    }
}
