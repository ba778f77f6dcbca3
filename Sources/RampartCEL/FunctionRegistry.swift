/// How a function runs: by number of arguments (a member function's receiver is its first argument).
enum Implementation: Sendable {
    case unary(@Sendable (CELValue) throws(CELEvaluationError) -> CELValue)
    case binary(@Sendable (CELValue, CELValue) throws(CELEvaluationError) -> CELValue)
    case nary(@Sendable ([CELValue]) throws(CELEvaluationError) -> CELValue)
}

/// The runtime side of the function declarations: one implementation per name, style and arity, which
/// dispatches on the argument values (so an unchecked or `dyn` call still finds the right overload).
struct FunctionRegistry: Sendable {
    struct Key: Hashable, Sendable {
        let name: String
        let member: Bool
        let arity: Int
    }

    private(set) var table: [Key: Implementation] = [:]

    mutating func global(_ name: String, _ f: @escaping @Sendable (CELValue) throws(CELEvaluationError) -> CELValue) {
        table[Key(name: name, member: false, arity: 1)] = .unary(f)
    }

    mutating func global(_ name: String, _ f: @escaping @Sendable (CELValue, CELValue) throws(CELEvaluationError) -> CELValue) {
        table[Key(name: name, member: false, arity: 2)] = .binary(f)
    }

    mutating func global(_ name: String, arity: Int, _ f: @escaping @Sendable ([CELValue]) throws(CELEvaluationError) -> CELValue) {
        table[Key(name: name, member: false, arity: arity)] = .nary(f)
    }

    mutating func member(_ name: String, _ f: @escaping @Sendable (CELValue) throws(CELEvaluationError) -> CELValue) {
        table[Key(name: name, member: true, arity: 1)] = .unary(f)
    }

    mutating func member(_ name: String, _ f: @escaping @Sendable (CELValue, CELValue) throws(CELEvaluationError) -> CELValue) {
        table[Key(name: name, member: true, arity: 2)] = .binary(f)
    }

    mutating func member(_ name: String, arity: Int, _ f: @escaping @Sendable ([CELValue]) throws(CELEvaluationError) -> CELValue) {
        table[Key(name: name, member: true, arity: arity)] = .nary(f)
    }

    /// Registers the same implementation as a global and a member function (`size(x)` and `x.size()`).
    mutating func both(_ name: String, _ f: @escaping @Sendable (CELValue) throws(CELEvaluationError) -> CELValue) {
        global(name, f)
        member(name, f)
    }

    mutating func both(_ name: String, _ f: @escaping @Sendable (CELValue, CELValue) throws(CELEvaluationError) -> CELValue) {
        global(name, f)
        member(name, f)
    }

    func lookup(_ name: String, member: Bool, arity: Int) -> Implementation? {
        table[Key(name: name, member: member, arity: arity)]
    }

    /// Every library of the Kubernetes CEL environment.
    static let kubernetes: FunctionRegistry = {
        var registry = FunctionRegistry()
        StandardLibrary.register(&registry)
        StringsLibrary.register(&registry)
        ListsLibrary.register(&registry)
        OptionalsLibrary.register(&registry)
        KubernetesLibraries.register(&registry)
        return registry
    }()
}
