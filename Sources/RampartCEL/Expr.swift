/// A node of the parsed (and macro-expanded) expression, with its offset in code points.
struct Expr: Sendable {
    let id: Int
    let offset: Int
    var kind: Kind

    indirect enum Kind: Sendable {
        case literal(CELValue)
        case ident(String)
        /// `operand.field`; `testOnly` is the presence test `has(operand.field)`.
        case select(operand: Expr, field: String, testOnly: Bool)
        /// A global (`target == nil`) or receiver-style call. Operators are calls (`_+_`, `_[_]`).
        case call(function: String, target: Expr?, args: [Expr])
        case list(elements: [Expr], optionalIndices: [Int])
        case map(entries: [MapEntry])
        /// `TypeName{field: value, ...}`: only the untyped object construction of Kubernetes mutating
        /// admission (`Object...` and `JSONPatch`); the value is a map from field name to value.
        case object(typeName: String, fields: [MapEntry])
        case comprehension(Comprehension)
    }

    struct MapEntry: Sendable {
        let key: Expr
        let value: Expr
        let optional: Bool
    }

    /// The fold every macro expands to (cel-spec's comprehension), with the macro it came from.
    struct Comprehension: Sendable {
        let iterVar: String
        let iterVar2: String?
        let iterRange: Expr
        let accuVar: String
        let accuInit: Expr
        let loopCondition: Expr
        let loopStep: Expr
        let result: Expr
        /// The macro, so the evaluator can run it directly rather than as a generic fold.
        let macro: Macro?
    }

    /// Macros the evaluator runs natively. Predicates and transforms are the user's expressions.
    enum Macro: Sendable {
        case all(predicate: Expr)
        case exists(predicate: Expr)
        case existsOne(predicate: Expr)
        case map(filter: Expr?, transform: Expr)
        case filter(predicate: Expr)
        case transformList(filter: Expr?, transform: Expr)
        case transformMap(filter: Expr?, transform: Expr)
        /// Each transform is a map whose entries join the result; a key already there is an error.
        case transformMapEntry(filter: Expr?, transform: Expr)
    }

    /// The name `a.b.c` when this is a chain of identifiers and field selections, else nil.
    var qualifiedName: String? {
        switch kind {
        case .ident(let name): name
        case .select(let operand, let field, false): operand.qualifiedName.map { "\($0).\(field)" }
        default: nil
        }
    }
}
