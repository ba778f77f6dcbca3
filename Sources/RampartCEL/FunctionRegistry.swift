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

    /// Adds an implementation; when one exists already for the key, the new one runs first and hands
    /// the arguments it has no overload for to the earlier one.
    private mutating func add(_ key: Key, _ implementation: Implementation) {
        guard let earlier = table[key] else {
            table[key] = implementation
            return
        }
        switch (implementation, earlier) {
        case (.unary(let f), .unary(let g)):
            table[key] = .unary { (a) throws(CELEvaluationError) in
                do throws(CELEvaluationError) { return try f(a) } catch where error.isNoSuchOverload { return try g(a) }
            }
        case (.binary(let f), .binary(let g)):
            table[key] = .binary { (a, b) throws(CELEvaluationError) in
                do throws(CELEvaluationError) { return try f(a, b) } catch where error.isNoSuchOverload { return try g(a, b) }
            }
        case (.nary(let f), .nary(let g)):
            table[key] = .nary { (a) throws(CELEvaluationError) in
                do throws(CELEvaluationError) { return try f(a) } catch where error.isNoSuchOverload { return try g(a) }
            }
        default:
            table[key] = implementation
        }
    }

    mutating func global(_ name: String, _ f: @escaping @Sendable (CELValue) throws(CELEvaluationError) -> CELValue) {
        add(Key(name: name, member: false, arity: 1), .unary(f))
    }

    mutating func global(_ name: String, _ f: @escaping @Sendable (CELValue, CELValue) throws(CELEvaluationError) -> CELValue) {
        add(Key(name: name, member: false, arity: 2), .binary(f))
    }

    mutating func global(_ name: String, arity: Int, _ f: @escaping @Sendable ([CELValue]) throws(CELEvaluationError) -> CELValue) {
        add(Key(name: name, member: false, arity: arity), .nary(f))
    }

    mutating func member(_ name: String, _ f: @escaping @Sendable (CELValue) throws(CELEvaluationError) -> CELValue) {
        add(Key(name: name, member: true, arity: 1), .unary(f))
    }

    mutating func member(_ name: String, _ f: @escaping @Sendable (CELValue, CELValue) throws(CELEvaluationError) -> CELValue) {
        add(Key(name: name, member: true, arity: 2), .binary(f))
    }

    mutating func member(_ name: String, arity: Int, _ f: @escaping @Sendable ([CELValue]) throws(CELEvaluationError) -> CELValue) {
        add(Key(name: name, member: true, arity: arity), .nary(f))
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
        AuthorizationLibrary.register(&registry)
        return registry
    }()
}
