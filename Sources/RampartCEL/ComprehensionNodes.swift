/// The range of a comprehension: list elements (with index) or map keys (with value).
struct IterationRange {
    let first: [CELValue]
    let second: [CELValue]

    init(_ value: CELValue, twoVariables: Bool) throws(CELEvaluationError) {
        switch value {
        case .list(let list):
            if twoVariables {
                first = list.indices.map { .int(Int64($0)) }
                second = list
            } else {
                first = list
                second = []
            }
        case .map(let map):
            first = map.keys
            second = twoVariables ? map.values : []
        default:
            throw CELEvaluationError("expression of type '\(value.celType)' cannot be range of a comprehension")
        }
    }
}

/// The variables of a comprehension's iteration: slots for one or two iteration variables.
struct IterationSlots: Sendable {
    let first: Int
    let second: Int?

    @inline(__always)
    func bind(_ a: Activation, _ range: IterationRange, _ i: Int) {
        if let second {
            a.slots[first] = range.first[i]
            a.slots[second] = range.second[i]
        } else {
            a.slots[first] = range.first[i]
        }
    }

    func clear(_ a: Activation) {
        a.slots[first] = nil
        if let second { a.slots[second] = nil }
    }
}

/// A general comprehension (cel-spec's fold), for macros the evaluator has no direct form of.
final class FoldNode: Node, @unchecked Sendable {
    let range: Node, accuInit: Node, condition: Node, step: Node, result: Node
    let iteration: IterationSlots
    let accuSlot: Int

    init(range: Node, iteration: IterationSlots, accuSlot: Int, accuInit: Node, condition: Node, step: Node, result: Node) {
        self.range = range
        self.iteration = iteration
        self.accuSlot = accuSlot
        self.accuInit = accuInit
        self.condition = condition
        self.step = step
        self.result = result
    }

    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        let values = try IterationRange(try range.evaluate(a), twoVariables: iteration.second != nil)
        let saved = a.slots[accuSlot]
        a.slots[accuSlot] = try accuInit.evaluate(a)
        for i in values.first.indices {
            try a.spend(1)
            iteration.bind(a, values, i)
            guard case .bool(let proceed) = try condition.evaluate(a) else { throw .noSuchOverload("loop condition") }
            if !proceed { break }
            a.slots[accuSlot] = try step.evaluate(a)
        }
        iteration.clear(a)
        let value = try result.evaluate(a)
        a.slots[accuSlot] = saved
        return value
    }
}

/// `all` (isAll) and `exists`: a decisive predicate result wins over errors seen on other elements.
final class QuantifierNode: Node, @unchecked Sendable {
    let range: Node, predicate: Node
    let iteration: IterationSlots
    let isAll: Bool

    init(range: Node, iteration: IterationSlots, predicate: Node, isAll: Bool) {
        self.range = range
        self.iteration = iteration
        self.predicate = predicate
        self.isAll = isAll
    }

    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        let values = try IterationRange(try range.evaluate(a), twoVariables: iteration.second != nil)
        defer { iteration.clear(a) }
        var pending: CELEvaluationError?
        let decisive = !isAll
        for i in values.first.indices {
            try a.spend(1)
            iteration.bind(a, values, i)
            do {
                switch try predicate.evaluate(a) {
                case .bool(decisive): return .bool(decisive)
                case .bool: break
                default: if pending == nil { pending = .noSuchOverload(isAll ? "_&&_" : "_||_") }
                }
            } catch {
                if error.isFatal { throw error }
                if pending == nil { pending = error }
            }
        }
        if let pending { throw pending }
        return .bool(isAll)
    }
}

/// `exists_one`: exactly one element satisfies the predicate; errors are not absorbed.
final class ExistsOneNode: Node, @unchecked Sendable {
    let range: Node, predicate: Node
    let iteration: IterationSlots

    init(range: Node, iteration: IterationSlots, predicate: Node) {
        self.range = range
        self.iteration = iteration
        self.predicate = predicate
    }

    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        let values = try IterationRange(try range.evaluate(a), twoVariables: iteration.second != nil)
        defer { iteration.clear(a) }
        var count = 0
        for i in values.first.indices {
            try a.spend(1)
            iteration.bind(a, values, i)
            guard case .bool(let hit) = try predicate.evaluate(a) else { throw .noSuchOverload("exists_one") }
            if hit { count += 1 }
        }
        return .bool(count == 1)
    }
}

/// `map`, `filter`, `transformList` and `transformMap`: build a list (or map) element by element.
final class CollectNode: Node, @unchecked Sendable {
    enum Output { case list, map }
    let range: Node
    let filter: Node?
    /// Nil for `filter`: the element itself is kept.
    let transform: Node?
    let iteration: IterationSlots
    let output: Output

    init(range: Node, iteration: IterationSlots, filter: Node?, transform: Node?, output: Output) {
        self.range = range
        self.iteration = iteration
        self.filter = filter
        self.transform = transform
        self.output = output
    }

    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        let values = try IterationRange(try range.evaluate(a), twoVariables: iteration.second != nil)
        defer { iteration.clear(a) }
        var list: [CELValue] = []
        var map = CELMap()
        if output == .list { list.reserveCapacity(values.first.count) }
        for i in values.first.indices {
            try a.spend(1)
            iteration.bind(a, values, i)
            if let filter {
                guard case .bool(let keep) = try filter.evaluate(a) else { throw .noSuchOverload("filter") }
                if !keep { continue }
            }
            let value = try transform?.evaluate(a) ?? values.first[i]
            if output == .list {
                list.append(value)
            } else {
                map.insert(values.first[i], value)
            }
        }
        return output == .list ? .list(list) : .map(map)
    }
}
