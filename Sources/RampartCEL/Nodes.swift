/// A compiled expression node. Nodes are immutable after compilation and shared across evaluations.
class Node: @unchecked Sendable {
    func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        throw CELEvaluationError("internal error: abstract node")
    }
}

final class ConstantNode: Node, @unchecked Sendable {
    let value: CELValue
    init(_ value: CELValue) { self.value = value }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue { value }
}

/// A binding or comprehension variable, read from its slot.
final class SlotNode: Node, @unchecked Sendable {
    let slot: Int
    let name: String
    init(slot: Int, name: String) {
        self.slot = slot
        self.name = name
    }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        guard let value = a.slots[slot] else { throw CELEvaluationError("no such attribute: \(name)") }
        return value
    }
}

/// An identifier that names nothing: an error only when evaluated (unchecked programs).
final class UnknownNameNode: Node, @unchecked Sendable {
    let name: String
    init(_ name: String) { self.name = name }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        throw CELEvaluationError("no such attribute: \(name)")
    }
}

/// `operand.field`, or `has(operand.field)` when `testOnly`.
final class SelectNode: Node, @unchecked Sendable {
    let operand: Node
    let field: String
    let testOnly: Bool
    init(_ operand: Node, _ field: String, testOnly: Bool) {
        self.operand = operand
        self.field = field
        self.testOnly = testOnly
    }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        try Operations.select(try operand.evaluate(a), field, testOnly: testOnly)
    }
}

final class NotNode: Node, @unchecked Sendable {
    let operand: Node
    init(_ operand: Node) { self.operand = operand }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        guard case .bool(let b) = try operand.evaluate(a) else { throw .noSuchOverload("!_") }
        return .bool(!b)
    }
}

/// A node of two operands.
class BinaryNode: Node, @unchecked Sendable {
    let left: Node, right: Node
    init(_ left: Node, _ right: Node) {
        self.left = left
        self.right = right
    }
}

/// `&&` and `||` with CEL's commutative absorption of errors: `false && error` is false either way round.
final class LogicNode: BinaryNode, @unchecked Sendable {
    let isAnd: Bool
    init(_ left: Node, _ right: Node, isAnd: Bool) {
        self.isAnd = isAnd
        super.init(left, right)
    }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        let decisive = !isAnd
        var pending: CELEvaluationError?
        do {
            switch try left.evaluate(a) {
            case .bool(decisive): return .bool(decisive)
            case .bool: break
            default: pending = .noSuchOverload(isAnd ? "_&&_" : "_||_")
            }
        } catch {
            if error.isFatal { throw error }
            pending = error
        }
        let rightValue: CELValue
        do {
            rightValue = try right.evaluate(a)
        } catch {
            throw error.isFatal ? error : (pending ?? error)
        }
        switch rightValue {
        case .bool(decisive): return .bool(decisive)
        case .bool(let b):
            if let pending { throw pending }
            return .bool(b)
        default:
            throw pending ?? .noSuchOverload(isAnd ? "_&&_" : "_||_")
        }
    }
}

final class ConditionalNode: Node, @unchecked Sendable {
    let condition: Node, whenTrue: Node, whenFalse: Node
    init(_ condition: Node, _ whenTrue: Node, _ whenFalse: Node) {
        self.condition = condition
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
    }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        guard case .bool(let b) = try condition.evaluate(a) else { throw .noSuchOverload("_?_:_") }
        return try (b ? whenTrue : whenFalse).evaluate(a)
    }
}

/// `@not_strictly_false(x)`: true unless x is false (errors count as true): the loop condition of all/exists.
final class NotStrictlyFalseNode: Node, @unchecked Sendable {
    let operand: Node
    init(_ operand: Node) { self.operand = operand }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        do {
            if case .bool(false) = try operand.evaluate(a) { return .bool(false) }
        } catch {
            if error.isFatal { throw error }
        }
        return .bool(true)
    }
}

final class EqualsNode: BinaryNode, @unchecked Sendable {
    let negated: Bool
    init(_ left: Node, _ right: Node, negated: Bool) {
        self.negated = negated
        super.init(left, right)
    }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        let l = try left.evaluate(a)
        let r = try right.evaluate(a)
        try a.spend(1 + l.sizeCost)
        return .bool(Operations.equals(l, r) != negated)
    }
}

/// A call of a one-argument function. A `sized` call also costs the size of its argument and result
/// (string, list and map work); others (indexing, size, optionals) cost one unit.
final class Call1Node: Node, @unchecked Sendable {
    let argument: Node
    let sized: Bool
    let function: @Sendable (CELValue) throws(CELEvaluationError) -> CELValue
    init(_ argument: Node, sized: Bool, _ function: @escaping @Sendable (CELValue) throws(CELEvaluationError) -> CELValue) {
        self.argument = argument
        self.sized = sized
        self.function = function
    }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        let x = try argument.evaluate(a)
        try a.spend(sized ? 1 + x.sizeCost : 1)
        let result = try function(x)
        if sized { try a.spend(result.sizeCost) }
        return result
    }
}

/// A call of a two-argument function, costed as `Call1Node`.
final class Call2Node: BinaryNode, @unchecked Sendable {
    let sized: Bool
    let function: @Sendable (CELValue, CELValue) throws(CELEvaluationError) -> CELValue
    init(_ first: Node, _ second: Node, sized: Bool,
         _ function: @escaping @Sendable (CELValue, CELValue) throws(CELEvaluationError) -> CELValue) {
        self.sized = sized
        self.function = function
        super.init(first, second)
    }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        let x = try left.evaluate(a)
        let y = try right.evaluate(a)
        try a.spend(sized ? 1 + x.sizeCost + y.sizeCost : 1)
        let result = try function(x, y)
        if sized { try a.spend(result.sizeCost) }
        return result
    }
}

/// A call of any number of arguments, costed as `Call1Node`.
final class CallNode: Node, @unchecked Sendable {
    let arguments: [Node]
    let sized: Bool
    let function: @Sendable ([CELValue]) throws(CELEvaluationError) -> CELValue
    init(_ arguments: [Node], sized: Bool, _ function: @escaping @Sendable ([CELValue]) throws(CELEvaluationError) -> CELValue) {
        self.arguments = arguments
        self.sized = sized
        self.function = function
    }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        var values: [CELValue] = []
        values.reserveCapacity(arguments.count)
        var cost = 1
        for argument in arguments {
            let value = try argument.evaluate(a)
            if sized { cost += value.sizeCost }
            values.append(value)
        }
        try a.spend(cost)
        let result = try function(values)
        if sized { try a.spend(result.sizeCost) }
        return result
    }
}

final class ListNode: Node, @unchecked Sendable {
    let elements: [Node]
    let optional: [Bool]
    init(_ elements: [Node], optional: [Bool]) {
        self.elements = elements
        self.optional = optional
    }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        var values: [CELValue] = []
        values.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let value = try element.evaluate(a)
            if optional[index] {
                guard case .optional(let inner) = value else { throw CELEvaluationError("cannot use '?' on a non-optional value") }
                if let inner { values.append(inner) }
            } else {
                values.append(value)
            }
        }
        try a.spend(1 + values.count / 10)
        return .list(values)
    }
}

final class MapNode: Node, @unchecked Sendable {
    let keys: [Node], values: [Node]
    let optional: [Bool]
    init(keys: [Node], values: [Node], optional: [Bool]) {
        self.keys = keys
        self.values = values
        self.optional = optional
    }
    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        var map = CELMap()
        map.reserveCapacity(keys.count)
        for index in keys.indices {
            let key = try keys[index].evaluate(a)
            var value = try values[index].evaluate(a)
            if optional[index] {
                guard case .optional(let inner) = value else { throw CELEvaluationError("cannot use '?' on a non-optional value") }
                guard let inner else { continue }
                value = inner
            }
            if map[key] != nil, MapKey(key) != nil { throw CELEvaluationError("Failed with repeated key") }
            guard map.insert(key, value) else { throw CELEvaluationError("unsupported key type") }
        }
        try a.spend(1 + map.count / 10)
        return .map(map)
    }
}

extension CELEvaluationError {
    /// Errors that stop the evaluation outright (no absorption by `&&`, `||` or comprehension conditions).
    var isFatal: Bool { message == CELEvaluationError.costLimitExceeded.message }
}

extension CELValue {
    /// Cost units for taking or producing the value: proportional to its size, as the API server's
    /// tracker charges string, list and map operations.
    var sizeCost: Int {
        switch self {
        case .string(let s): s.utf8.count / 10
        case .bytes(let b): b.count / 10
        case .list(let l): l.count / 10
        case .map(let m): m.count / 10
        default: 0
        }
    }
}
