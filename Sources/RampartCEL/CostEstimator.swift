/// The worst-case cost of a checked expression, before it runs: cel-go's checker estimate
/// (`checker.Cost`, the maximum of its range) with the Kubernetes library's call estimates and the
/// presence test free, as the API server configures it.
///
/// Sizes come from the expression where it says them (literals, concatenations, macro results);
/// scalars have size one; every other value is as large as `bounds` allows (the object's fields
/// are `dyn`, so the request size bounds them, as for an unbounded schema field). A comprehension
/// costs its range's size times the cost of one step and condition.
struct CostEstimator {
    /// What an unknown value is used as, which picks its bound when its type does not say.
    enum Shape { case string, list, map }

    let types: [Int: CELType]
    private let bounds: CELSizeBounds
    /// Result sizes of calls and comprehensions, by expression id.
    private var sizes: [Int: UInt64] = [:]
    /// Sizes of the items (or values) of lists and maps, where known, by expression id.
    private var itemSizes: [Int: UInt64] = [:]
    /// Comprehension variables in scope: their size and item size, where known.
    private var locals: [String: [(size: UInt64?, items: UInt64?)]] = [:]

    init(types: [Int: CELType], bounds: CELSizeBounds) {
        self.types = types
        self.bounds = bounds
    }

    /// The estimated worst-case cost of `expr` (`UInt64.max`: unbounded).
    mutating func cost(_ expr: Expr) -> UInt64 {
        switch expr.kind {
        case .literal:
            return 0
        case .ident:
            return 1
        case .select(let operand, _, let testOnly):
            let operandCost = cost(operand)
            if testOnly { return operandCost }
            switch types[operand.id] {
            case .map?, .parameter?: return operandCost.saturatingAdd(1)
            default: return operandCost
            }
        case .call(let function, let target, let args):
            return callCost(expr, function: function, target: target, args: args)
        case .list(let elements, _):
            itemSizes[expr.id] = elements.map { size($0, as: .string) }.max() ?? 0
            return elements.reduce(UInt64(10)) { $0.saturatingAdd(cost($1)) }
        case .map(let entries):
            itemSizes[expr.id] = entries.map { size($0.value, as: .string) }.max() ?? 0
            return entries.reduce(UInt64(30)) { $0.saturatingAdd(cost($1.key)).saturatingAdd(cost($1.value)) }
        case .object(_, let fields):
            return fields.reduce(UInt64(40)) { $0.saturatingAdd(cost($1.value)) }
        case .comprehension(let c):
            return isBind(c) ? bindCost(expr, c) : comprehensionCost(expr, c)
        }
    }

    // MARK: sizes

    /// The largest size of the value of `expr` (characters, bytes, items or entries).
    mutating func size(_ expr: Expr, as shape: Shape) -> UInt64 {
        if let known = sizes[expr.id] { return known }
        switch expr.kind {
        case .literal(.string(let text)): return UInt64(text.unicodeScalars.count)
        case .literal(.bytes(let bytes)): return UInt64(bytes.count)
        case .literal: return 1
        case .list(let elements, _): return UInt64(elements.count)
        case .map(let entries): return UInt64(entries.count)
        case .ident(let name):
            if let local = locals[name]?.last, let size = local.size { return size }
        default: break
        }
        return bound(types[expr.id] ?? .dyn, as: shape)
    }

    /// The size of the items of the list (or values of the map) `expr`, where known.
    func itemSize(_ expr: Expr) -> UInt64? {
        if let known = itemSizes[expr.id] { return known }
        if case .ident(let name) = expr.kind, let local = locals[name]?.last { return local.items }
        return nil
    }

    /// The bound of a value of `type` read from the inputs: one for scalars, the request bounds else.
    func bound(_ type: CELType, as shape: Shape) -> UInt64 {
        switch type {
        case .bool, .int, .uint, .double, .timestamp, .duration, .null: return 1
        case .optional(let inner): return bound(inner, as: shape)
        case .string, .bytes: return bounds.string
        case .list: return bounds.list
        case .map: return bounds.map
        default:
            switch shape {
            case .string: return bounds.string
            case .list: return bounds.list
            case .map: return bounds.map
            }
        }
    }

    mutating func record(_ expr: Expr, size: UInt64?, items: UInt64? = nil) {
        if let size { sizes[expr.id] = size }
        if let items { itemSizes[expr.id] = items }
    }

    // MARK: comprehensions

    /// `cel.bind`-like folds (an empty range, a condition of `false`, a named accumulator), such as
    /// `optMap`'s, run no loop: cel-go costs them as a binding.
    private func isBind(_ c: Expr.Comprehension) -> Bool {
        guard case .list(let elements, _) = c.iterRange.kind, elements.isEmpty,
              case .literal(.bool(false)) = c.loopCondition.kind else { return false }
        return c.accuVar != Parser.accumulator
    }

    private mutating func bindCost(_ expr: Expr, _ c: Expr.Comprehension) -> UInt64 {
        var total = cost(c.iterRange).saturatingAdd(cost(c.accuInit))
        locals[c.accuVar, default: []].append((size(c.accuInit, as: .string), itemSize(c.accuInit)))
        total = total.saturatingAdd(cost(c.result))
        locals[c.accuVar]?.removeLast()
        record(expr, size: sizes[c.result.id], items: itemSizes[c.result.id])
        return total
    }

    private mutating func comprehensionCost(_ expr: Expr, _ c: Expr.Comprehension) -> UInt64 {
        var total = cost(c.iterRange).saturatingAdd(cost(c.accuInit))
        locals[c.accuVar, default: []].append((size(c.accuInit, as: .list), itemSize(c.accuInit)))
        let rangeType = types[c.iterRange.id] ?? .dyn
        let isMap: Bool
        if case .map = rangeType { isMap = true } else { isMap = false }
        let items = itemSize(c.iterRange)
        let iterated: [(String, (size: UInt64?, items: UInt64?))]
        if let second = c.iterVar2 {
            iterated = [(c.iterVar, (isMap ? nil : 1, nil)), (second, (items, nil))]
        } else {
            iterated = [(c.iterVar, (isMap ? nil : items, nil))]
        }
        for (name, local) in iterated { locals[name, default: []].append(local) }
        let stepCost = cost(c.loopCondition).saturatingAdd(cost(c.loopStep))
        for (name, _) in iterated { locals[name]?.removeLast() }
        total = total.saturatingAdd(cost(c.result))
        locals[c.accuVar]?.removeLast()
        let count = size(c.iterRange, as: isMap ? .map : .list)
        total = total.saturatingAdd(count.saturatingMultiply(stepCost))
        switch c.accuInit.kind {
        case .literal: record(expr, size: size(c.accuInit, as: .string))
        case .list, .map: record(expr, size: count, items: itemSizes[c.loopStep.id])
        default: break
        }
        return total
    }
}
