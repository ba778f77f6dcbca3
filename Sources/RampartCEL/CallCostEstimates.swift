/// The estimated cost of calls: cel-go's `functionCost` for the standard library and the Kubernetes
/// library's `EstimateCallCost` (apiserver `pkg/cel/library/cost.go`); every other function costs one.
/// A call also costs its receiver and arguments.
extension CostEstimator {
    /// cel-go's `StringTraversalCostFactor` and `RegexStringLengthCostFactor`.
    private static let traversal = 0.1
    private static let regexLength = 0.25
    /// The cost of one authorizer check (two fit in the per-call limit).
    private static let authorizationCheck: UInt64 = 350_000

    mutating func callCost(_ expr: Expr, function: String, target: Expr?, args: [Expr]) -> UInt64 {
        if function == "dyn", args.count == 1 {
            let argumentCost = cost(args[0])
            record(expr, size: size(args[0], as: .string), items: itemSize(args[0]))
            return argumentCost.saturatingAdd(1)
        }
        let argumentCosts = args.map { cost($0) }
        let arguments = argumentCosts.reduce(UInt64(0)) { $0.saturatingAdd($1) }
        let receiver = target.map { cost($0) } ?? 0
        switch function {
        case "_&&_", "_||_":
            return arguments
        case "_?_:_" where args.count == 3:
            let larger = max(size(args[1], as: .string), size(args[2], as: .string))
            let items = [itemSize(args[1]), itemSize(args[2])]
            record(expr, size: larger, items: items.contains(nil) ? nil : items.compactMap { $0 }.max())
            return argumentCosts[0].saturatingAdd(max(argumentCosts[1], argumentCosts[2]))
        default:
            let own = functionCost(expr, function: function, target: target, args: args)
            return own.saturatingAdd(arguments).saturatingAdd(receiver)
        }
    }

    /// The cost of the function itself, recording the size of its result where it is known.
    private mutating func functionCost(_ expr: Expr, function: String, target: Expr?, args: [Expr]) -> UInt64 {
        let t = Self.traversal
        switch (function, target, args.count) {
        case ("check", _?, _):
            return Self.authorizationCheck
        case ("_[_]", nil, 2):
            record(expr, size: itemSize(args[0]))
            return 1
        case ("matches", let receiver?, 1), ("find", let receiver?, 1), ("findAll", let receiver?, 1):
            let text = size(receiver, as: .string)
            if function != "matches" { record(expr, size: text) }
            return text.saturatingAdd(1).scaled(by: t).saturatingMultiply(size(args[0], as: .string).scaled(by: Self.regexLength))
        case ("contains", let receiver?, 1) where isText(receiver):
            return size(receiver, as: .string).scaled(by: t).saturatingMultiply(size(args[0], as: .string).scaled(by: t))
        case ("startsWith", _?, 1), ("endsWith", _?, 1):
            return size(args[0], as: .string).scaled(by: t)
        case ("@in", nil, 2):
            if case .map? = types[args[1].id] { return 1 }
            return size(args[1], as: .list)
        case ("_+_", nil, 2):
            return additionCost(expr, args)
        case ("_==_", nil, 2), ("_!=_", nil, 2), ("_<_", nil, 2), ("_<=_", nil, 2), ("_>_", nil, 2), ("_>=_", nil, 2):
            guard function == "_==_" || function == "_!=_" || isText(args[0]) else { return 1 }
            return min(size(args[0], as: .string), size(args[1], as: .string)).scaled(by: t)
        case ("string", nil, 1) where types[args[0].id] == .bytes, ("bytes", nil, 1) where types[args[0].id] == .string:
            return size(args[0], as: .string).scaled(by: t)
        case ("format", let receiver?, 1):
            return size(receiver, as: .string).scaled(by: t)
        default:
            return kubernetesCost(expr, function: function, target: target, args: args) ?? 1
        }
    }

    private func isText(_ expr: Expr) -> Bool {
        switch types[expr.id] ?? .dyn {
        case .string, .bytes, .dyn, .parameter: true
        default: false
        }
    }

    /// `+` of strings or bytes traverses both; of lists it costs one; either way the result is as long
    /// as both (for `dyn` operands, the costlier string case).
    private mutating func additionCost(_ expr: Expr, _ args: [Expr]) -> UInt64 {
        let type = types[expr.id] ?? .dyn
        switch type {
        case .string, .bytes, .list, .dyn, .parameter: break
        default: return 1
        }
        let isList: Bool
        if case .list = type { isList = true } else { isList = false }
        let total = size(args[0], as: isList ? .list : .string).saturatingAdd(size(args[1], as: isList ? .list : .string))
        let items = [itemSize(args[0]), itemSize(args[1])]
        record(expr, size: total, items: items.contains(nil) ? nil : items.compactMap { $0 }.max())
        return isList ? 1 : total.scaled(by: Self.traversal)
    }

    /// The Kubernetes library's estimates (lists, strings, regex, URL, IP and CIDR, authorizer), nil
    /// for functions it does not estimate. Its global forms of `cidr`, `ip`, `isIP`, `isCIDR`,
    /// `quantity` and `isQuantity` are left to the default, as upstream's estimator does.
    private mutating func kubernetesCost(_ expr: Expr, function: String, target: Expr?, args: [Expr]) -> UInt64? {
        let t = Self.traversal
        switch (function, target) {
        case ("isSorted", let list?), ("sum", let list?), ("max", let list?), ("min", let list?),
             ("indexOf", let list?), ("lastIndexOf", let list?):
            guard case .list(let element) = types[list.id] ?? .dyn else { return size(list, as: .string).scaled(by: t) }
            let perItem: UInt64
            switch element {
            case .string, .bytes: perItem = UInt64(1).saturatingAdd((itemSize(list) ?? bound(element, as: .string)).scaled(by: t))
            default: perItem = 1
            }
            return size(list, as: .list).saturatingMultiply(perItem)
        case ("url", nil) where args.count == 1:
            return size(args[0], as: .string).scaled(by: t)
        case ("lowerAscii", let text?), ("upperAscii", let text?), ("substring", let text?), ("trim", let text?):
            let length = size(text, as: .string)
            record(expr, size: length)
            return length.scaled(by: t)
        case ("replace", let text?) where args.count >= 2:
            record(expr, size: replacedSize(size(text, as: .string), args[0], args[1]))
            return size(text, as: .string).scaled(by: 2 * t)
        case ("split", let text?):
            let length = size(text, as: .string)
            var limit = length
            if args.count > 1, case .literal(.int(let n)) = args[1].kind, n >= 0 { limit = UInt64(n) }
            record(expr, size: limit)
            return length.scaled(by: 2 * t)
        case ("join", let list?):
            let count = size(list, as: .list)
            let element: CELType
            if case .list(let e) = types[list.id] ?? .dyn { element = e } else { element = .string }
            var length = count.saturatingMultiply(itemSize(list) ?? bound(element, as: .string))
            if let separator = args.first {
                length = length.saturatingAdd(size(separator, as: .string).saturatingMultiply(count > 0 ? count - 1 : 0))
            }
            record(expr, size: length)
            return length.scaled(by: t)
        case ("cidr", _?), ("isIP", _?), ("isCIDR", _?), ("quantity", _?), ("isQuantity", _?):
            return args.first.map { size($0, as: .string).scaled(by: t) }
        case ("ip", _?):
            return 1
        case ("containsIP", _?), ("containsCIDR", _?):
            var compare = UInt64(32).scaled(by: t)  // two addresses of up to 16 bytes
            if function == "containsCIDR" { compare += UInt64(16).scaled(by: t) + 1 }
            if let other = args.first, types[other.id] == .string {
                compare = compare.saturatingAdd(size(other, as: .string).scaled(by: t))
            }
            return compare
        default:
            return nil
        }
    }

    /// The longest result of `text.replace(old, new)`: `old` may occur as often as its shortest form
    /// fits (known only for literals; otherwise it may be empty and match between every character).
    private mutating func replacedSize(_ length: UInt64, _ old: Expr, _ new: Expr) -> UInt64 {
        let replacement = size(new, as: .string)
        var shortestOld: UInt64 = 0
        if case .literal(.string(let text)) = old.kind { shortestOld = UInt64(text.unicodeScalars.count) }
        if shortestOld == 0 { return length.saturatingAdd(1).saturatingMultiply(replacement).saturatingAdd(length) }
        if replacement <= shortestOld { return length }
        let occurrences = length / shortestOld + (length % shortestOld == 0 ? 0 : 1)
        return occurrences.saturatingMultiply(replacement)
    }
}
