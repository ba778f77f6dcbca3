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

/// A node that loops over a list or map with one or two iteration variables bound in slots.
class IterationNode: Node, @unchecked Sendable {
    let range: Node
    let iteration: IterationSlots

    init(range: Node, iteration: IterationSlots) {
        self.range = range
        self.iteration = iteration
    }

    /// Evaluates the range and runs `body` on each element with the variables bound, one cost unit an
    /// element; `body` returns false to stop early.
    @inline(__always)
    final func iterate(
        _ a: Activation, _ body: (IterationRange, Int) throws(CELEvaluationError) -> Bool
    ) throws(CELEvaluationError) {
        let values = try IterationRange(try range.evaluate(a), twoVariables: iteration.second != nil)
        defer { iteration.clear(a) }
        for i in values.first.indices {
            try a.spend(1)
            iteration.bind(a, values, i)
            if try !body(values, i) { return }
        }
    }
}

/// A general comprehension (cel-spec's fold), for macros the evaluator has no direct form of.
final class FoldNode: IterationNode, @unchecked Sendable {
    let accuInit: Node, condition: Node, step: Node, result: Node
    let accuSlot: Int

    init(range: Node, iteration: IterationSlots, accuSlot: Int, accuInit: Node, condition: Node, step: Node, result: Node) {
        self.accuSlot = accuSlot
        self.accuInit = accuInit
        self.condition = condition
        self.step = step
        self.result = result
        super.init(range: range, iteration: iteration)
    }

    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        let saved = a.slots[accuSlot]
        defer { a.slots[accuSlot] = saved }
        a.slots[accuSlot] = try accuInit.evaluate(a)
        try iterate(a) { (_, _) throws(CELEvaluationError) in
            guard case .bool(let proceed) = try condition.evaluate(a) else { throw .noSuchOverload("loop condition") }
            if proceed { a.slots[accuSlot] = try step.evaluate(a) }
            return proceed
        }
        return try result.evaluate(a)
    }
}

/// `all` (isAll) and `exists`: a decisive predicate result wins over errors seen on other elements.
final class QuantifierNode: IterationNode, @unchecked Sendable {
    let predicate: Node
    let isAll: Bool

    init(range: Node, iteration: IterationSlots, predicate: Node, isAll: Bool) {
        self.predicate = predicate
        self.isAll = isAll
        super.init(range: range, iteration: iteration)
    }

    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        var pending: CELEvaluationError?
        var decided = false
        let decisive = !isAll
        try iterate(a) { (_, _) throws(CELEvaluationError) in
            do throws(CELEvaluationError) {
                switch try predicate.evaluate(a) {
                case .bool(decisive):
                    decided = true
                    return false
                case .bool: break
                default: if pending == nil { pending = .noSuchOverload(isAll ? "_&&_" : "_||_") }
                }
            } catch {
                if error.isFatal { throw error }
                if pending == nil { pending = error }
            }
            return true
        }
        if decided { return .bool(decisive) }
        if let pending { throw pending }
        return .bool(isAll)
    }
}

/// `exists_one`: exactly one element satisfies the predicate; errors are not absorbed.
final class ExistsOneNode: IterationNode, @unchecked Sendable {
    let predicate: Node

    init(range: Node, iteration: IterationSlots, predicate: Node) {
        self.predicate = predicate
        super.init(range: range, iteration: iteration)
    }

    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        var count = 0
        try iterate(a) { (_, _) throws(CELEvaluationError) in
            guard case .bool(let hit) = try predicate.evaluate(a) else { throw .noSuchOverload("exists_one") }
            if hit { count += 1 }
            return true
        }
        return .bool(count == 1)
    }
}

/// `map`, `filter`, `transformList`, `transformMap` and `transformMapEntry`: build a list (or map)
/// element by element.
final class CollectNode: IterationNode, @unchecked Sendable {
    /// A list of the transforms; a map from each key (or index) to its transform; or the union of the
    /// transforms, which are maps with no key in common (`transformMapEntry`).
    enum Output { case list, map, mergedMaps }
    let filter: Node?
    /// Nil for `filter`: the element itself is kept.
    let transform: Node?
    let output: Output

    init(range: Node, iteration: IterationSlots, filter: Node?, transform: Node?, output: Output) {
        self.filter = filter
        self.transform = transform
        self.output = output
        super.init(range: range, iteration: iteration)
    }

    override func evaluate(_ a: Activation) throws(CELEvaluationError) -> CELValue {
        var list: [CELValue] = []
        var map = CELMap()
        try iterate(a) { (values, i) throws(CELEvaluationError) in
            if let filter {
                guard case .bool(let keep) = try filter.evaluate(a) else { throw .noSuchOverload("filter") }
                if !keep { return true }
            }
            let value = try transform?.evaluate(a) ?? values.first[i]
            switch output {
            case .list: list.append(value)
            case .map: map.insert(values.first[i], value)
            case .mergedMaps: try Self.merge(value, into: &map)
            }
            return true
        }
        return output == .list ? .list(list) : .map(map)
    }

    /// Adds the entries of `entries` (a map) to `map`, as cel-go's `cel.@mapInsert(map, map)`.
    private static func merge(_ entries: CELValue, into map: inout CELMap) throws(CELEvaluationError) {
        guard case .map(let update) = entries else { throw .noSuchOverload("@mapInsert") }
        for (key, value) in update.entries {
            guard map[key] == nil else { throw CELEvaluationError("insert failed: key \(key.displayText) already exists") }
            map.insert(key, value)
        }
    }
}
