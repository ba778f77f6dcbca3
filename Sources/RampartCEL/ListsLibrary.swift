/// Kubernetes' lists library, cel-go's lists extension (version 3) and sets extension.
enum ListsLibrary {
    static func register(_ r: inout FunctionRegistry) {
        r.member("isSorted") { (l) throws(CELEvaluationError) in
            let list = try elements(l, "isSorted")
            for i in list.indices.dropFirst() where try Operations.compare(list[i - 1], list[i], "isSorted") == .greater {
                return .bool(false)
            }
            return .bool(true)
        }
        r.member("sum") { (l) throws(CELEvaluationError) in
            let list = try elements(l, "sum")
            guard var total = list.first else { return .int(0) }
            for element in list.dropFirst() { total = try Arithmetic.add(total, element) }
            return total
        }
        r.member("min") { (l) throws(CELEvaluationError) in try extreme(l, "min", .less) }
        r.member("max") { (l) throws(CELEvaluationError) in try extreme(l, "max", .greater) }
        r.member("indexOf") { (l, x) throws(CELEvaluationError) in
            let list = try elements(l, "indexOf")
            return .int(Int64(list.firstIndex { Operations.equals($0, x) } ?? -1))
        }
        r.member("lastIndexOf") { (l, x) throws(CELEvaluationError) in
            let list = try elements(l, "lastIndexOf")
            return .int(Int64(list.lastIndex { Operations.equals($0, x) } ?? -1))
        }
        r.member("slice", arity: 3) { (a) throws(CELEvaluationError) in
            let list = try elements(a[0], "slice")
            guard case .int(let start) = a[1], case .int(let end) = a[2] else { throw .noSuchOverload("slice") }
            guard start >= 0 && end >= 0 else { throw CELEvaluationError("cannot slice(\(start), \(end)), negative indexes not supported") }
            guard start <= end else { throw CELEvaluationError("cannot slice(\(start), \(end)), start index must be less than or equal to end index") }
            guard end <= list.count else { throw CELEvaluationError("cannot slice(\(start), \(end)), list is length \(list.count)") }
            return .list(Array(list[Int(start)..<Int(end)]))
        }
        r.member("flatten") { (l) throws(CELEvaluationError) in .list(try flatten(try elements(l, "flatten"), depth: 1)) }
        r.member("flatten") { (l, d) throws(CELEvaluationError) in
            guard case .int(let depth) = d else { throw .noSuchOverload("flatten") }
            guard depth >= 0 else { throw CELEvaluationError("level must be non-negative") }
            return .list(try flatten(try elements(l, "flatten"), depth: depth))
        }
        r.member("distinct") { (l) throws(CELEvaluationError) in
            var seen = ValueSet()
            var kept: [CELValue] = []
            for element in try elements(l, "distinct") where try seen.insert(element) { kept.append(element) }
            return .list(kept)
        }
        r.member("reverse") { (l) throws(CELEvaluationError) in .list(try elements(l, "reverse").reversed()) }
        r.member("sort") { (l) throws(CELEvaluationError) in .list(try sorted(try elements(l, "sort"), keys: nil)) }
        r.global("@sortByAssociatedKeys") { (l, k) throws(CELEvaluationError) in
            .list(try sorted(try elements(l, "sortBy"), keys: try elements(k, "sortBy")))
        }
        r.global("lists.range") { (n) throws(CELEvaluationError) in
            guard case .int(let count) = n else { throw .noSuchOverload("lists.range") }
            guard count <= CELCost.perCallLimit else { throw .costLimitExceeded }
            return .list(count <= 0 ? [] : (0..<count).map { .int($0) })
        }
        r.member("first") { (l) throws(CELEvaluationError) in .optional(try elements(l, "first").first) }
        r.member("last") { (l) throws(CELEvaluationError) in .optional(try elements(l, "last").last) }
        r.global("sets.contains") { (a, b) throws(CELEvaluationError) in
            .bool(try containsAll(try elements(a, "sets.contains"), try elements(b, "sets.contains")))
        }
        r.global("sets.equivalent") { (a, b) throws(CELEvaluationError) in
            let (x, y) = (try elements(a, "sets.equivalent"), try elements(b, "sets.equivalent"))
            guard try containsAll(x, y) else { return .bool(false) }
            return .bool(try containsAll(y, x))
        }
        r.global("sets.intersects") { (a, b) throws(CELEvaluationError) in
            var set = ValueSet(try elements(a, "sets.intersects"))
            for element in try elements(b, "sets.intersects") where try set.contains(element) { return .bool(true) }
            return .bool(false)
        }
    }

    /// Whether every element of `subset` is in `list`, by CEL equality.
    private static func containsAll(_ list: [CELValue], _ subset: [CELValue]) throws(CELEvaluationError) -> Bool {
        var set = ValueSet(list)
        for element in subset where try !set.contains(element) { return false }
        return true
    }

    static func elements(_ value: CELValue, _ function: String) throws(CELEvaluationError) -> [CELValue] {
        guard case .list(let list) = value else { throw .noSuchOverload(function) }
        return list
    }

    private static func extreme(_ l: CELValue, _ name: String, _ wanted: Operations.Order) throws(CELEvaluationError) -> CELValue {
        let list = try elements(l, name)
        guard var best = list.first else { throw CELEvaluationError("\(name) called on empty list") }
        for element in list.dropFirst() where try Operations.compare(element, best, name) == wanted { best = element }
        return best
    }

    private static func flatten(_ list: [CELValue], depth: Int64) throws(CELEvaluationError) -> [CELValue] {
        guard depth > 0 else { return list }
        var out: [CELValue] = []
        for element in list {
            if case .list(let inner) = element {
                out.append(contentsOf: try flatten(inner, depth: depth - 1))
            } else {
                out.append(element)
            }
        }
        return out
    }

    /// A stable sort by the elements themselves or by associated keys; an error for unordered kinds.
    private static func sorted(_ list: [CELValue], keys: [CELValue]?) throws(CELEvaluationError) -> [CELValue] {
        let sortKeys = keys ?? list
        guard sortKeys.count == list.count else { throw CELEvaluationError("sortBy: keys and list differ in length") }
        var failure: CELEvaluationError?
        let order = sortKeys.indices.sorted { i, j in
            do throws(CELEvaluationError) {
                let o = try Operations.compare(sortKeys[i], sortKeys[j], "sort")
                return o == .less || (o != .greater && i < j)
            } catch {
                failure = error
                return i < j
            }
        }
        if let failure { throw failure }
        return order.map { list[$0] }
    }
}

/// `optional.of`, `optional.none`, `optional.ofNonZeroValue`, `hasValue`, `value`, `or`, `orValue`.
enum OptionalsLibrary {
    static func register(_ r: inout FunctionRegistry) {
        r.global("optional.of") { (v) throws(CELEvaluationError) in .optional(v) }
        r.global("optional.ofNonZeroValue") { (v) throws(CELEvaluationError) in .optional(isZero(v) ? nil : v) }
        r.global("optional.none", arity: 0) { (_) throws(CELEvaluationError) in .optional(nil) }
        r.member("hasValue") { (o) throws(CELEvaluationError) in
            guard case .optional(let inner) = o else { throw .noSuchOverload("hasValue") }
            return .bool(inner != nil)
        }
        r.member("value") { (o) throws(CELEvaluationError) in
            guard case .optional(let inner) = o else { throw .noSuchOverload("value") }
            guard let inner else { throw CELEvaluationError("optional.none() dereference") }
            return inner
        }
        r.member("or") { (o, other) throws(CELEvaluationError) in
            guard case .optional(let inner) = o, case .optional = other else { throw .noSuchOverload("or") }
            return inner == nil ? other : o
        }
        r.member("orValue") { (o, other) throws(CELEvaluationError) in
            guard case .optional(let inner) = o else { throw .noSuchOverload("orValue") }
            return inner ?? other
        }
    }

    static func isZero(_ v: CELValue) -> Bool {
        switch v {
        case .null: true
        case .bool(let b): !b
        case .int(let i): i == 0
        case .uint(let u): u == 0
        case .double(let d): d == 0
        case .string(let s): s.isEmpty
        case .bytes(let b): b.isEmpty
        case .list(let l): l.isEmpty
        case .map(let m): m.isEmpty
        case .duration(let d): d.seconds == 0 && d.nanos == 0
        case .timestamp(let t): t.seconds == CELTimestamp.minSeconds && t.nanos == 0
        default: false
        }
    }
}
