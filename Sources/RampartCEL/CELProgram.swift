/// Declarations an expression is checked against: variables with their types, extra function
/// signatures, the container (namespace) names resolve in, and whether macros are expanded.
/// Every environment has the Kubernetes base libraries.
public struct CELEnvironment: Sendable {
    public var variables: [String: CELType]
    public var container: String
    public var macros: Bool
    /// Function signatures beyond the libraries (declared for the checker; they have no implementation).
    public var functions: [String: [CELOverload]]

    public init(variables: [String: CELType] = [:], container: String = "", macros: Bool = true,
                functions: [String: [CELOverload]] = [:]) {
        self.variables = variables
        self.container = container
        self.macros = macros
        self.functions = functions
    }
}

/// A compiled expression: parsed, macro-expanded, type-checked and planned once; evaluated many times.
public struct CELProgram: Sendable {
    public let source: String
    /// The type the checker deduced (`dyn` when unchecked or unknown).
    public let resultType: CELType
    /// The worst-case cost the API server's estimator gives the expression (`CostEstimator`), with
    /// values from the inputs bounded by the request size; `UInt64.max` when unbounded.
    public let estimatedCost: UInt64
    /// The estimated cost when every string, list and map the inputs hold is empty: what some
    /// evaluation can cost whatever the object (literal lists, nested macros over them).
    public let emptyInputCost: UInt64
    private let root: Node
    private let variableSlots: [(name: String, slot: Int)]
    private let slotCount: Int

    /// Compiles `source`; throws `CELCompileError` for syntax, type and program-construction errors.
    public init(_ source: String, environment: CELEnvironment, typeCheck: Bool = true) throws {
        self.source = source
        var parser = Parser(macros: environment.macros)
        let expr: Expr
        do {
            expr = try parser.parse(source)
        } catch {
            let (line, column) = LineIndex(source).position(of: error.offset)
            throw CELCompileError(message: error.message, line: line, column: column)
        }
        var checker = Checker(environment: environment, strict: typeCheck, source: source)
        let type = try checker.check(expr)
        resultType = typeCheck ? type : .dyn
        var estimator = CostEstimator(types: checker.types, bounds: .kubernetesRequest)
        estimatedCost = estimator.cost(expr)
        var emptyInputs = CostEstimator(types: checker.types, bounds: .emptyInputs)
        emptyInputCost = emptyInputs.cost(expr)
        var compiler = Compiler(references: checker.references, registry: .kubernetes, source: source)
        root = try compiler.compile(expr)
        variableSlots = compiler.variableSlots.map { ($0.key, $0.value) }
        slotCount = compiler.slotCount
    }

    /// The full names of the variables the expression reads; a caller need only convert these.
    public var referencedVariables: [String] { variableSlots.map(\.name).sorted() }

    /// Evaluates with variable values by full name; throws `CELEvaluationError` (including
    /// "operation cancelled: actual cost limit exceeded" past `costLimit`).
    public func evaluate(_ bindings: [String: CELValue], costLimit: Int = CELCost.perCallLimit) throws -> CELValue {
        try evaluate(costLimit: costLimit) { bindings[$0] }
    }

    /// Evaluates, asking `value` once for each variable the expression reads (nil: unbound), so that a
    /// caller converts only what the expression uses.
    public func evaluate(costLimit: Int = CELCost.perCallLimit, _ value: (String) throws -> CELValue?) throws -> CELValue {
        let activation = Activation(slotCount: slotCount, costLimit: costLimit)
        for (name, slot) in variableSlots { activation.slots[slot] = try value(name) }
        return try root.evaluate(activation)
    }
}
